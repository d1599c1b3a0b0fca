/**
 * The Azerbaijani an official reads (az-review, docs/glossary.md): suffixes after numbers and
 * names, settlement names in Azerbaijani letters, positions that a decimal comma cannot confuse,
 * and the report's shares said the Azerbaijani way ("74,6 %-i").
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dataset } from '../src/model/dataset.js';
import { catalogue, Locale } from '../src/model/locale.js';
import { localNames } from '../src/model/local-names.js';
import { cli, ROOT } from './helpers.js';

const dataset = Dataset.parse(JSON.parse(readFileSync(join(ROOT, 'data', 'regions.json'), 'utf8')));
const AZ = new Locale('az', localNames(dataset));

/** A year written bare before a form of "il" ("2030 ildə"): Azerbaijani says "2030-cu ildə". */
const BARE_YEAR = /(?<![\d-])\d{4} (il|ildə|ilin|ildən|ilədək|ilə qədər)(?![\p{L}])/u;

/** Latin digraphs of English or Russian transliteration, which Azerbaijani writes as one letter (x, j, ş, ç, ğ). */
const TRANSLITERATION = /kh|zh|sh|ch|gh|ky|gy|tsch|dzh/i;

describe('the Azerbaijani catalogue', () => {
  it('glues a suffix to a placeholder only where the placeholder ends with % (read "faiz": "%-i", "%-dən")', () => {
    const az = catalogue('az');
    const glued = Object.entries(az).flatMap(([key, text]) =>
      [...text.matchAll(/\{(\w+)\}-\p{L}/gu)].map((m) => `${key}:${m[1]}`),
    );
    // Each of these is always a percentage (Locale.share / Locale.pct), so the suffix is always right.
    expect(glued.sort()).toEqual(['opt.quality.gap:gap', 'report.summary:assignment', 'report.summary:distance']);
  });

  it('names the country’s settlements in Azerbaijani, not in GeoNames’ transliteration', () => {
    const points = readFileSync(join(ROOT, 'data', 'population-points.csv'), 'utf8')
      .split('\n')
      .slice(1);
    const names = [...new Set(points.map((l) => l.split(',')[2]).filter((n): n is string => !!n))];
    expect(names.length).toBeGreaterThan(150);
    const left = names.map((n) => AZ.placeText(n)).filter((n) => TRANSLITERATION.test(n));
    expect(left).toEqual([]);
    expect(AZ.placeText('Kyurdarmir')).toBe('Kürdəmir');
    expect(AZ.placeText('near Geoktschai (Goychay)')).toBe('Göyçay yaxınlığı (Göyçay)');
    expect(AZ.placeText('Prishibinskoye (4 km NE)')).toBe('Göytəpə (4 km şimal-şərqdə)');
    // A unit's own name wins over a settlement spelled the same way; English is untouched.
    expect(AZ.placeText('Sabirabad')).toBe('Sabirabad');
    expect(new Locale('en', localNames(dataset)).placeText('Kyurdarmir')).toBe('Kyurdarmir');
  });

  it('tells a city from its rayon where English says "(city)"', () => {
    const names = new Map(dataset.regions.map((r) => [r.code, r.name_az]));
    expect([names.get('AZ-LA'), names.get('AZ-LAN')]).toEqual(['Lənkəran şəhəri', 'Lənkəran']);
    expect([names.get('AZ-SA'), names.get('AZ-SAK')]).toEqual(['Şəki şəhəri', 'Şəki']);
    expect([names.get('AZ-YE'), names.get('AZ-YEV')]).toEqual(['Yevlax şəhəri', 'Yevlax']);
  });
});

describe('outputs under --lang az', () => {
  const runs: [string, string[]][] = [
    ['coverage', ['coverage']],
    ['distances', ['distances']],
    ['capacity', ['capacity']],
    ['timeline', ['timeline']],
    ['gaps', ['gaps']],
    ['optimize', ['optimize', '-k', '2']],
    ['order', ['optimize', '--model', 'order', '--format', 'yaml']],
  ];
  for (const [name, args] of runs)
    it(`${name}: no year bare before "il", no transliterated settlement`, () => {
      const r = cli([...args, '--lang', 'az']);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(BARE_YEAR);
      // A plan fragment's English `name:` stays English (its `name_az:` is below it).
      const read = r.stdout.split('\n').filter((l) => !/^\s*name: /.test(l));
      expect(read.join('\n')).not.toMatch(/Kizhaba|Geoktschai|Kyurdarmir|Martakert/);
    });

  it('capacity --strict says its year without a bare "2025 ildə"', () => {
    const dir = join(ROOT, 'tests', 'fixtures');
    const r = cli([
      'capacity',
      join(dir, 'valid', 'capacity.yaml'),
      '--population',
      join(dir, 'capacity-population.csv'),
      '--year',
      '2025',
      '--strict',
      '--lang',
      'az',
    ]);
    expect(r.code).toBe(1);
    expect(
      r.stderr.endsWith('dostplan: 2025: 1 xidmət obyektinin yüklənməsi 100\u00a0%-dən çoxdur: C 120\u00a0%\n'),
    ).toBe(true);
  });

  it('gaps: the nearest settlement in Azerbaijani, the position with decimal commas split by ";"', () => {
    const az = cli(['gaps', '--lang', 'az']).stdout.split('\n');
    expect(az[4]).toMatch(/^ 1 {2}94\u00a0709 {2}Kijəbə +38,5537; 48,6617 +Astara DOST filialı \(B-AST\)/);
    expect(az[6]).toMatch(/^ 3 {2}58\u00a0640 {2}Şamaxı +40,4134; 48,6593 /);
    // English keeps GeoNames' name and its own number format.
    const en = cli(['gaps']).stdout.split('\n');
    expect(en[4]).toMatch(/^ 1 {2}94,709 {2}Kizhaba +38\.5537, 48\.6617 /);
  });

  it('timeline --compare announced: plan B is the plan "as announced", not the plan itself', () => {
    const az = cli(['timeline', '--compare', 'announced', '--lang', 'az']).stdout.split('\n');
    expect(az.slice(0, 2)).toEqual([
      'A: DOST şəbəkəsi (əsas plan)',
      'B: DOST şəbəkəsi (əsas plan) (elan olunduğu kimi)',
    ]);
    const en = cli(['timeline', '--compare', 'announced']).stdout.split('\n');
    expect(en[1]).toBe('B: DOST network (plan of record) (as announced)');
  });

  it('report: the shares said "74,6 %-i", the model and the basis in whole sentences', () => {
    mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
    const out = join(ROOT, 'test-artifacts', 'wording-report-az.html');
    expect(cli(['report', '--lang', 'az', '--out', out]).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain(
      '2030-cu ildə (məlumatı olan ən yaxın il: 1 yanvar 2026 tarixinə əhali) 10\u00a0262\u00a0351 nəfərin <strong>74,6\u00a0%-i</strong>',
    );
    expect(html).toContain('<strong>100,0\u00a0%-i</strong> isə onlardan birinin xidmət ərazisində yaşayır.');
    expect(html).not.toContain('hissəsi');
    expect(html).toContain('yol müddəti 50 km/saat sürətlə hesablanır');
    expect(html).not.toMatch(BARE_YEAR);
  });
});
