/**
 * The wide walk of `--lang az` (issue 27), beyond tests/language.test.ts's HUMAN walk: commands ×
 * human formats × options (every --by, --kind, --covered-by, --catchment, optimize --model, report
 * --measure) × inputs (the other plans, the fixtures, population files, a road network, budgets, a
 * plan saying `language: az` without --lang, diffs, broken plans), checked with the stronger
 * English detector (tests/english-common.ts); and the catalogue itself, every Azerbaijani message
 * filled and checked the same way.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { main } from '../dist/cli/main.js';
import { az } from '../dist/model/messages/az.js';
import { RunContext } from '../dist/run/run-context.js';
import { englishCommon } from './english-common.js';
import { cli, FIXTURES, ROOT } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'dostplan-sweep-'));
const plan = (name: string) => join(ROOT, 'plans', name);
const fx = (...p: string[]) => join(FIXTURES, ...p);

/**
 * The user's own words in an input (fixtures only: the project's plans in plans/ must carry their
 * Azerbaijani texts): a plan's names, target labels and reasons without their `_az`, waivers' reasons,
 * a road profile's name, a table's `name` column. They stay as written.
 */
function ownTexts(file: string): string[] {
  if (!file.startsWith(FIXTURES)) return [];
  const texts: string[] = [];
  if (file.endsWith('.csv')) {
    const [head, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
    const col = head!.split(',').indexOf('name');
    if (col >= 0) for (const r of rows) texts.push(r.split(',')[col]!);
  } else if (file.endsWith('.yaml')) {
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        for (const k of ['name', 'label', 'reason'])
          if (typeof o[k] === 'string' && o[`${k}_az`] === undefined) texts.push(o[k] as string);
        if (o.waive && typeof o.waive === 'object') texts.push(...(Object.values(o.waive) as string[]));
        for (const x of Object.values(o)) walk(x);
      }
    };
    try {
      walk(parse(readFileSync(file, 'utf8')));
    } catch {
      // A broken plan (validate's fixtures): nothing of it is shown but positions and codes.
    }
  }
  return texts.filter((t) => t.trim() !== '').sort((a, b) => b.length - a.length);
}
/** The own texts of every input file named on a command line, longest first ("s1 at P1" before "P1"). */
const inputsOwnTexts = (args: string[]) =>
  args
    .filter((a) => a.startsWith('/'))
    .flatMap((a) => (existsSync(a) ? ownTexts(a) : []))
    .sort((a, b) => b.length - a.length);

let n = 0;
async function render(args: string[], format: string | undefined, lang: string | undefined = 'az') {
  const out = join(dir, `out-${n++}`);
  const code = await main(
    [
      'node',
      'dostplan',
      ...args,
      ...(format ? ['--format', format] : []),
      ...(lang ? ['--lang', lang] : []),
      '--out',
      out,
    ],
    new RunContext({ message: () => {} }),
  );
  expect(code, args.join(' ')).toBe(0);
  return readFileSync(out, 'utf8');
}

/** A plan that says `language: az` and nothing else new: every command must speak Azerbaijani without --lang. */
const azPlan = join(dir, 'az-plan.yaml');
writeFileSync(azPlan, `extends: ${plan('dost.yaml')}\nlanguage: az\n`);

const town = fx('roads', 'town-plan.yaml');
const townArgs = [town, '--population', fx('roads', 'town-population.csv')];
/** The test town's road profile is named in English by its file ('test car'): the user's word. */
const townProfile = ['test car'];
const B = fx('budget');
const budgetArgs = [join(B, 'plan.yaml'), '--population', join(B, 'population.csv')];

type Case = { args: string[]; formats: (string | undefined)[]; allow?: string[]; lang?: string };
const CASES: Case[] = [];
const add = (args: string[], formats: (string | undefined)[], allow: string[] = []) =>
  CASES.push({ args, formats, allow: [...allow, ...inputsOwnTexts(args)].sort((a, b) => b.length - a.length) });

// Every grouping, rule and kind on the default data.
for (const by of ['nation', 'economic-region', 'region', 'baku-district']) {
  add(['coverage', '--by', by], ['text', 'md']);
  add(['distances', '--by', by], ['text', 'md']);
}
for (const rule of ['distance', 'assignment', 'both']) add(['coverage', '--covered-by', rule], ['text', 'md']);
for (const kind of ['center', 'branch', 'any']) add(['coverage', '--kind', kind, '--year', '2023'], ['text', 'md']);
add(['coverage', '--within-min', '30', '--population-basis', 'registered'], ['text', 'md']);
add(['distances', '--worst', '10', '--year', '2022'], ['text', 'md']);
add(['timeline', '--compare', 'announced'], ['text', 'md']);
add(['timeline', '--delay', 'B-TAR=+6m'], ['text', 'md', 'svg']);
for (const catchment of ['nearest', 'assignment']) add(['capacity', '--catchment', catchment], ['text', 'md']);
add(['capacity', '--overflow-max-min', '10', '--year', '2025'], ['text', 'md']);
for (const model of ['mclp', 'pmedian', 'setcover', 'order', 'capacity'])
  add(['optimize', '--model', model, '-k', '2'], ['text', 'md', 'yaml']);
add(['optimize', '--kind', 'branch', '-k', '2', '--exact'], ['text', 'md', 'yaml']);
for (const measure of ['coverage', 'travel-time', 'utilization', 'gaps']) {
  add(['report', '--measure', measure], [undefined]);
  add(['report', '--measure', measure, '--map-only'], [undefined]);
}
add(['gaps'], ['text']);
add(['surface', plan('asan.yaml'), '--cell-km', '8'], ['text']);
add(['regions'], ['text']);
add(['explore', plan('asan.yaml')], [undefined]);
// The other plans.
for (const p of ['asan.yaml', 'announced.yaml']) {
  for (const c of ['coverage', 'distances', 'timeline', 'capacity']) add([c, plan(p)], ['text', 'md']);
  add(['report', plan(p)], [undefined]);
}
add(['diff', plan('asan.yaml'), plan('dost.yaml')], ['text', 'md']);
add(['diff', fx('valid', 'small.yaml'), fx('valid', 'small-changed.yaml')], ['text', 'md']);
add(['timeline', plan('asan.yaml'), '--compare', plan('dost.yaml')], ['text', 'md']);
// The fixtures' plans.
for (const f of readdirSync(fx('valid')).filter((f) => f.endsWith('.yaml'))) {
  const file = fx('valid', f);
  for (const c of ['coverage', 'timeline', 'capacity']) add([c, file], ['text', 'md']);
  add(['report', file], [undefined]);
}
// Population files, a road network, budgets.
add(['coverage', fx('valid', 'hand.yaml'), '--population', fx('hand-population.csv')], ['text', 'md']);
add(['coverage', '--population', fx('hand-population.geojson')], ['text', 'md']);
add(['capacity', fx('valid', 'capacity.yaml'), '--population', fx('capacity-population.csv')], ['text', 'md']);
add(['surface', fx('surface', 'two-centers.yaml'), '--population', fx('surface', 'gap-population.csv')], ['text']);
add(['gaps', fx('surface', 'two-centers.yaml'), '--population', fx('surface', 'gap-population.csv')], ['text']);
for (const c of ['coverage', 'distances', 'timeline', 'capacity']) add([c, ...townArgs], ['text', 'md'], townProfile);
add(['report', ...townArgs], [undefined], townProfile);
add(['report', '--roads', fx('roads', 'town.geojson')], [undefined]);
add(
  ['optimize', ...budgetArgs, '--candidates', fx('budget', 'candidates.csv'), '--budget-azn', '10000000'],
  ['text', 'md', 'yaml'],
);
add(
  [
    'optimize',
    join(B, 'running-plan.yaml'),
    '--population',
    join(B, 'running-population.csv'),
    '--model',
    'order',
    '--budget-azn-per-year',
    '5000000',
  ],
  ['text', 'md', 'yaml'],
);

describe('--lang az, the wide walk: no common English word in any human output', () => {
  for (const { args, formats, allow } of CASES)
    for (const format of formats) {
      const name = `${args.map((a) => a.replace(/^\/.*\//, '')).join(' ')}${format ? ` --format ${format}` : ''}`;
      it(name, async () => {
        expect(englishCommon(await render(args, format), { allow })).toEqual([]);
      });
    }
});

describe("a plan's `language: az` without --lang", () => {
  for (const [args, formats] of [
    [['coverage'], ['text', 'md']],
    [
      ['distances', '--worst', '3'],
      ['text', 'md'],
    ],
    [['timeline'], ['text', 'md', 'svg']],
    [['capacity'], ['text', 'md']],
    [
      ['optimize', '-k', '1'],
      ['text', 'yaml'],
    ],
    [['report'], [undefined]],
    [['gaps'], ['text']],
    [['explore'], [undefined]],
  ] as [string[], (string | undefined)[]][])
    for (const format of formats)
      it(`${args.join(' ')} ${format ?? ''}`, async () => {
        const [cmd, ...rest] = args;
        expect(englishCommon(await render([cmd!, azPlan, ...rest], format, undefined))).toEqual([]);
      });

  it('validate and diff too', () => {
    const v = cli(['validate', azPlan]);
    expect(englishCommon(v.stdout + v.stderr)).toEqual([]);
    const d = cli(['diff', plan('dost.yaml'), azPlan]);
    expect(englishCommon(d.stdout)).toEqual([]);
  });
});

describe('validate --lang az on every fixture, text and GitHub annotations', () => {
  const files = [
    ...readdirSync(fx('invalid')).map((f) => fx('invalid', f)),
    ...readdirSync(fx('valid')).map((f) => fx('valid', f)),
    fx('multi-problem.yaml'),
    fx('scenario-bad.yaml'),
    fx('inputs', 'facilities-plan.yaml'),
    plan('asan.yaml'),
    plan('announced.yaml'),
  ].filter((f) => f.endsWith('.yaml'));
  for (const file of files)
    it(file.replace(`${ROOT}/`, ''), () => {
      for (const format of ['text', 'github']) {
        const r = cli(['validate', '--strict', file, '--format', format, '--lang', 'az']);
        expect(englishCommon(r.stdout + r.stderr, { allow: ownTexts(file) }), format).toEqual([]);
      }
    });
});

describe('the Azerbaijani catalogue: every message, filled, has no common English word', () => {
  /** Keys whose text is not prose (formats of numbers, positions, separators). */
  const values = (t: string) => t.replace(/\{[a-zA-Z_][a-zA-Z0-9_]*\}/g, ' 7 ');
  for (const [key, text] of Object.entries(az as Record<string, string>))
    it(key, () => {
      expect(englishCommon(values(text), { phrases: true })).toEqual([]);
    });
});

describe('leftovers the walk found, fixed (az-sweep)', () => {
  it("capacity's note on facilities without a capacity is Azerbaijani; English unchanged", () => {
    const file = fx('valid', 'hand.yaml');
    const en =
      'Note: 2 open facilities have no capacity, desks or plan default (B, C): no utilization, unlimited in the capacitated catchments';
    expect(cli(['capacity', file]).stdout).toContain(en);
    expect(cli(['capacity', file, '--lang', 'az']).stdout).toContain(
      'Qeyd: fəaliyyətdə olan 2 obyektin (B, C) nə qəbul imkanı, nə xidmət masaları, nə də planda susmaya görə qəbul imkanı var: ' +
        'onların yüklənməsi hesablanmır, qəbul imkanı nəzərə alınan xidmət zonalarında isə məhdudiyyətsiz sayılır',
    );
  });

  it('timeline --delay and --compare announced name the schedule in Azerbaijani', () => {
    const delayed = cli(['timeline', '--delay', 'B-TAR=+6m', '--lang', 'az']).stdout.split('\n')[0]!;
    expect(delayed).toMatch(/^DOST şəbəkəsi \(əsas plan\) \(gecikmə ilə: B-TAR \+6m\): açılış qrafiki/);
    expect(cli(['timeline', '--delay', 'B-TAR=+6m']).stdout).toMatch(
      /^Rollout of DOST network \(plan of record\) \(delayed: B-TAR \+6m\)/,
    );
    const b = (args: string[]) =>
      cli(['timeline', '--compare', 'announced', ...args])
        .stdout.split('\n')
        .find((l) => l.startsWith('B: '));
    expect(b(['--lang', 'az'])).toBe('B: DOST şəbəkəsi (əsas plan) (elan olunduğu kimi)');
    expect(b([])).toBe('B: DOST network (plan of record) (as announced)');
  });

  it("validate takes a plan's `language: az` (its summary, on stdout and after GitHub annotations)", () => {
    expect(cli(['validate', azPlan]).stdout.trim()).toBe('1 faylda 0 xəta, 0 xəbərdarlıq');
    expect(cli(['validate', azPlan, '--format', 'github']).stderr.trim()).toBe('1 faylda 0 xəta, 0 xəbərdarlıq');
    expect(cli(['validate', azPlan, '--lang', 'en']).stdout.trim()).toBe('0 errors, 0 warnings in 1 file');
  });

  it("the ASAN plan's names and target labels in Azerbaijani", () => {
    const t = cli(['timeline', plan('asan.yaml'), '--lang', 'az']).stdout;
    expect(t.split('\n')[0]).toMatch(/^ASAN xidmət şəbəkəsi \(qurulduğu kimi\): açılış qrafiki/);
    expect(t).toContain('Bərdə 8-ci mərkəz kimi açılır');
    expect(t).toContain('24 mərkəz: 7-si Bakıda, 2-si Gəncədə, 2-si Sumqayıtda, 13-ü regionlarda');
    const c = cli(['capacity', plan('asan.yaml'), '--lang', 'az']).stdout;
    expect(c).toContain('Bakı 5 nömrəli ASAN xidmət mərkəzi (Heydər Əliyev prospekti)');
    expect(c).toContain('Şəki ASAN Həyat kompleksi');
  });
});
