/**
 * What dostplan writes on stderr for the person running — the notes on how an input was read, a
 * road network's notes, optimize's notes, the population summary, validate's count, import's
 * line — is in the run's language (issue 27). Every command below runs with --lang az on an
 * input that makes it speak: stderr has no English sentence left (the word check of
 * tests/language.test.ts), and a few notes are checked to the letter in both languages (the
 * English as main printed it before the notes became catalogue messages, note.* in
 * src/model/messages/notes-*.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { said } from '../src/model/said.js';
// From dist/: vitest does not transform the .cts module main.ts imports (npm test builds first); the
// error class is dist's too, the one the watcher knows.
import { InputError } from '../dist/errors.js';
import { RunContext } from '../dist/run/run-context.js';
import { watchPlan } from '../dist/serve/watch.js';
import { englishLeft } from './english-words.js';
import { BIN, cli, FIXTURES, ROOT } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'dostplan-stderr-lang-'));
const NBSP = '\u00A0';
const ROADS = join(FIXTURES, 'roads');
const B = join(FIXTURES, 'budget');
const town = ['--population', join(ROADS, 'town-population.csv')];
const small = join(FIXTURES, 'valid', 'small.yaml');

/** The test town's plan with a second center 4 km off the roads (at 40.0, 47.05): it serves nobody. */
const farPlan = join(dir, 'far.yaml');
writeFileSync(
  farPlan,
  `extends: ${join(ROADS, 'town-plan.yaml')}\ncenters:\n` +
    '  - { id: F1, name: Main, region: AZ-AGM, location: { lat: 40.0, lon: 47.0 }, status: planned, opens: 2024, serves: [AZ-AGM] }\n' +
    '  - { id: F9, name: Far, region: AZ-AGM, location: { lat: 40.0, lon: 47.05 }, status: planned, opens: 2024, serves: [AZ-AGM] }\n',
);
const tab = join(dir, 'points.tsv');
writeFileSync(tab, 'lat\tlon\tpopulation\n40.4\t47.1\t5\n');
/** A ring of 200 vertices: more than the exact solver takes (tests/hardening.test.ts). */
const ring = join(dir, 'ring.txt');
writeFileSync(
  ring,
  `200 200 3\n${Array.from({ length: 200 }, (_, i) => `${i + 1} ${((i + 1) % 200) + 1} ${1 + (i % 7)}`).join('\n')}\n`,
);
/** The budget fixture's candidates without the one at P0: even all four reach only 60 % (tests/language.test.ts). */
const three = join(dir, 'three-sites.csv');
writeFileSync(
  three,
  readFileSync(join(B, 'candidates.csv'), 'utf8')
    .split('\n')
    .filter((l) => !l.startsWith('39.90,'))
    .join('\n'),
);

/** A fresh road graph cache: the first run reads the network and says so. */
const freshCache = () => ({ DOSTPLAN_CACHE_DIR: mkdtempSync(join(tmpdir(), 'dostplan-stderr-cache-')) });

interface Case {
  name: string;
  args: string[];
  code?: number;
  /** Lines stderr has, in English and in Azerbaijani (each a whole line, `dostplan: ` first). */
  en?: string[];
  az?: string[];
  /** Its result (stdout) is for people and quotes nothing English of the user's: checked too. */
  readable?: true;
}

const CASES: Case[] = [
  {
    name: 'a road network read for the first time: islands dropped, a point beyond the off-road limit',
    readable: true,
    args: ['coverage', join(ROADS, 'town-plan.yaml'), ...town],
    en: [
      'dostplan: note: reading the road network tests/fixtures/roads/town.osm (once: later runs take it from the cache)',
      'dostplan: note: 1 road island (0.1 km) not connected to the kept network was dropped; largest: 40.1000,47.1000 (0.1 km)',
      'dostplan: note: 1 population point is more than 2 km from any road and counted as unreachable (e.g. 40.0000,47.0500)',
    ],
    az: [
      'dostplan: qeyd: tests/fixtures/roads/town.osm yol şəbəkəsi oxunur (bir dəfə: sonrakı icralar onu keşdən götürür)',
      'dostplan: qeyd: saxlanılan şəbəkəyə bağlı olmayan 1 yol adası (0,1 km) çıxarıldı; ən böyüyü: 40.1000,47.1000 (0,1 km)',
      'dostplan: qeyd: 1 əhali nöqtəsi hər hansı yoldan 2 km-dən uzaqdadır və əlçatmaz sayılır (məsələn, 40.0000,47.0500)',
    ],
  },
  {
    name: 'a facility beyond the off-road limit serves nobody',
    readable: true,
    args: ['distances', farPlan, ...town],
    en: ['dostplan: note: the facility at 40.0000,47.0500 is more than 2 km from any road and serves nobody'],
    az: [
      'dostplan: qeyd: 40.0000,47.0500 nöqtəsindəki xidmət obyekti hər hansı yoldan 2 km-dən uzaqdadır və heç kimə xidmət göstərmir',
    ],
  },
  {
    name: "surface over the town's roads: the country's grid cells beyond the off-road limit",
    readable: true,
    args: ['surface', join(ROADS, 'town-plan.yaml'), '--cell-km', '10'],
    en: [
      'dostplan: note: 860 grid cells are more than 2 km from any road and counted as unreachable (e.g. 41.8458,46.4813; 41.8458,46.7165; 41.7559,46.2460)',
    ],
    az: [
      'dostplan: qeyd: 860 xana hər hansı yoldan 2 km-dən uzaqdadır və əlçatmaz sayılır (məsələn, 41.8458,46.4813; 41.8458,46.7165; 41.7559,46.2460)',
    ],
  },
  {
    name: "a ';'-separated population file with decimal commas and grouped thousands, and its summary",
    readable: true,
    args: ['coverage', small, '--population', join(FIXTURES, 'inputs', 'semicolon-decimal-comma.csv')],
    en: [
      `dostplan: note: ${join(FIXTURES, 'inputs', 'semicolon-decimal-comma.csv')}: read as semicolon-separated; decimal commas (first: lat on line 2); thousands grouped with '.' (first: population on line 3)`,
    ],
    az: [
      `dostplan: qeyd: ${join(FIXTURES, 'inputs', 'semicolon-decimal-comma.csv')} faylı belə oxundu: sahələr nöqtəli vergüllə ayrılıb; onluq ayırıcı vergüldür (ilk dəfə: sətir 2, \`lat\` sütunu); minliklər '.' ilə ayrılıb (ilk dəfə: sətir 3, \`population\` sütunu)`,
    ],
  },
  {
    name: 'a tab-separated population file',
    readable: true,
    args: ['coverage', '--population', tab],
    en: [`dostplan: note: ${tab}: read as tab-separated`],
    az: [`dostplan: qeyd: ${tab} faylı belə oxundu: sahələr tabulyasiya simvolu ilə ayrılıb`],
  },
  {
    name: "import of a ';'-separated facility list",
    args: ['import', join(FIXTURES, 'inputs', 'facilities.csv'), '--as-of', '2026-01-01'],
    en: [
      `dostplan: note: ${join(FIXTURES, 'inputs', 'facilities.csv')}: read as semicolon-separated; decimal commas (first: lat on line 2)`,
    ],
    az: [
      `dostplan: qeyd: ${join(FIXTURES, 'inputs', 'facilities.csv')} faylı belə oxundu: sahələr nöqtəli vergüllə ayrılıb; onluq ayırıcı vergüldür (ilk dəfə: sətir 2, \`lat\` sütunu)`,
    ],
  },
  {
    name: 'p-median: people with no reachable facility',
    args: ['optimize', small, '--model', 'pmedian', '--sites', '2', '-f', 'json'],
    en: [
      'dostplan: note: 472,321 people had no reachable facility before, 0 after; the means count only people who can reach one',
    ],
    az: [
      `dostplan: qeyd: əvvəl 472${NBSP}321 nəfərin, sonra 0 nəfərin əlçatan xidmət obyekti yoxdur; orta göstəricilər yalnız obyektə çata bilənləri sayır`,
    ],
  },
  {
    name: 'an OR-Library graph too large for the exact solver',
    readable: true,
    args: ['optimize', '--graph', ring, '--exact'],
    en: ['dostplan: note: exact solution skipped: the MILP for n=200 has more than 25,000 variables'],
    az: [
      `dostplan: qeyd: dəqiq həll buraxıldı: n=200 üçün MILP məsələsində dəyişənlərin sayı 25${NBSP}000 həddini aşır`,
    ],
  },
  {
    name: 'set covering: even every candidate falls short of the target',
    args: [
      'optimize',
      join(B, 'plan.yaml'),
      ...['--population', join(B, 'population.csv'), '--candidates', three, '--model', 'setcover', '--target', '100'],
    ],
    en: ['dostplan: note: even all 4 candidates reach only 60.0%'],
    az: [`dostplan: qeyd: bütün 4 namizəd yer birlikdə də yalnız 60,0${NBSP}% əhatə edir`],
  },
  {
    name: "a year outside the plan's",
    readable: true,
    args: ['coverage', '--year', '2040'],
    en: ["dostplan: note: 2040 is outside the plan's years 2019–2030"],
    az: ['dostplan: qeyd: 2040 planın illərindən (2019–2030) kənardadır'],
  },
  {
    name: 'validate --format github: the count on stderr',
    args: ['validate', '--format', 'github', join(FIXTURES, 'multi-problem.yaml')],
    code: 1,
    en: ['7 errors, 1 warning in 1 file'],
    az: ['1 faylda 7 xəta, 1 xəbərdarlıq'],
  },
];

describe('stderr in the run’s language: every note a command writes', () => {
  for (const c of CASES)
    it(c.name, () => {
      const az = cli([...c.args, '--lang', 'az'], { env: freshCache() });
      const en = cli(c.args, { env: freshCache() });
      expect([az.code, en.code]).toEqual([c.code ?? 0, c.code ?? 0]);
      const lines = (s: string) => s.split('\n').filter(Boolean);
      for (const line of c.en ?? []) expect(lines(en.stderr)).toContain(line);
      for (const line of c.az ?? []) expect(lines(az.stderr)).toContain(line);
      // As many lines in both languages, and none of the Azerbaijani ones English.
      expect(lines(az.stderr).length).toBe(lines(en.stderr).length);
      expect(englishLeft(az.stderr)).toEqual([]);
      expect(englishLeft(en.stderr).length).toBeGreaterThan(0);
      // The result too, where it is for people (a road network's description, a population file's summary).
      if (c.readable) expect(englishLeft(az.stdout)).toEqual([]);
    });

  it('a damaged road graph cache: why it was not used, in Azerbaijani', () => {
    const env = freshCache();
    const args = ['distances', join(ROADS, 'town-plan.yaml'), ...town, '--lang', 'az'];
    expect(cli(args, { env }).code).toBe(0);
    const [cached] = readdirSync(env.DOSTPLAN_CACHE_DIR).filter((n) => n.startsWith('roads-'));
    const path = join(env.DOSTPLAN_CACHE_DIR, cached!);
    truncateSync(path, 64); // the header says more bytes than are left
    const again = cli(args, { env });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(
      `dostplan: qeyd: ${path} yol qrafı keşindən istifadə olunmadı (yarımçıq kəsilib); keş yenidən qurulur\n`,
    );
    expect(englishLeft(again.stderr)).toEqual([]);
    truncateSync(path, 64);
    expect(cli(args.slice(0, -2), { env }).stderr).toContain(
      `dostplan: note: the road graph cache ${path} was not used (cut short); rebuilding it\n`,
    );
  });

  it('import --into: the comment on the replaced blocks', () => {
    const plan = join(dir, 'into.yaml');
    writeFileSync(plan, 'name: Into\nyears: { from: 2021, to: 2026 }\nstandards: { center: { within_km: 30 } }\n');
    const list = join(FIXTURES, 'inputs', 'facilities.csv');
    const az = cli(['import', list, '--into', plan, '--as-of', '2026-01-01', '--lang', 'az']);
    expect(az.stdout).toContain(`centers:  # ${list} siyahısından dostplan 0.1.0 import ilə idxal olunub\n`);
    expect(englishLeft(az.stdout)).toEqual([]);
    const en = cli(['import', list, '--into', plan, '--as-of', '2026-01-01']);
    expect(en.stdout).toContain(`centers:  # imported from ${list} by dostplan 0.1.0 import\n`);
  });
});

/** What a command writes on a terminal's stderr (script(1) gives it one; stdout goes to /dev/null), lines split at \\r. */
function onTerminal(args: string[]): string[] {
  const line = `'${process.execPath}' '${BIN}' ${args.map((a) => `'${a}'`).join(' ')} > /dev/null`;
  const r = spawnSync('script', ['-qec', line, '/dev/null'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return r.stdout
    .split(/[\r\n]+/)
    .map((l) => l.trim())
    .filter(Boolean);
}
const noScript = spawnSync('sh', ['-c', 'command -v script']).status !== 0;

describe('on a terminal, the progress bar says what it computes in the run’s language', () => {
  it.skipIf(noScript)('timeline --compare and diff: the years computed, the plan compared, plans A and B', () => {
    const az = [
      ...onTerminal(['timeline', '--compare', 'announced', '--lang', 'az']),
      ...onTerminal(['diff', join(ROOT, 'plans', 'announced.yaml'), join(ROOT, 'plans', 'dost.yaml'), '--lang', 'az']),
    ];
    for (const title of ['illər hesablanır', 'müqayisə olunan plan', 'A planı', 'B planı'])
      expect(az.some((l) => l.startsWith(`${title} [`))).toBe(true);
    expect(az).toContain('illər hesablanır [########################] 12/12 2030');
    expect(englishLeft(az.join('\n'))).toEqual([]);
    const en = onTerminal(['timeline', '--compare', 'announced']);
    expect(en).toContain('timeline [########################] 12/12 2030');
    expect(en.some((l) => l.startsWith('compare ['))).toBe(true);
  });
});

describe("the studio's status lines in the run's language", () => {
  it('a plan that cannot be read again: the reason in Azerbaijani', async () => {
    const file = join(dir, 'watched.yaml');
    writeFileSync(file, 'name: W\n');
    const messages: string[] = [];
    const run = new RunContext({ message: (l: string) => messages.push(l), lang: 'az' });
    const session = {
      files: [file],
      run,
      reload: async () => {
        throw new InputError(`${file}:1:1`, said('read.table.no_rows'), 1);
      },
    };
    const w = watchPlan(session as never, { debounceMs: 10_000, pollMs: 60_000 });
    try {
      writeFileSync(file, 'name: W2\nyears: { from: 2020, to: 2021 }\n');
      await w.check();
    } finally {
      w.close();
    }
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(new RegExp(`^plan yenidən oxuna bilmədi: ${file.replace(/\./g, '\\.')}:1:1: `));
    expect(englishLeft(messages[0]!)).toEqual([]);
  });
});
