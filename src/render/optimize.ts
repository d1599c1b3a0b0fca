/** Optimizer results: text, Markdown, CSV, GeoJSON, and a YAML fragment to paste into a plan. */
import type { GraphResult } from '../analysis/optimize/graph.js';
import type { MoneyOrderInfo, OrderChanges, OrderResult } from '../analysis/optimize/rollout-order.js';
import type { PlanChanges, SuggestResult, UnitMove } from '../analysis/optimize/suggest.js';
import { qualityText } from '../analysis/optimize/quality.js';
import type { BudgetUse, SiteCosts } from '../analysis/optimize/costs.js';
import { type FeatureCollectionOut, featureCollection, pointFeature } from './geojson.js';
import { type DataTable, dataTable, markdownTable, textTable, type Column } from './table.js';
import { mdText } from './markdown-text.js';
import { ENGLISH, type Locale, catalogue } from '../model/locale.js';
import { fill } from '../model/messages/catalogue.js';
import type { MessageKey } from '../model/messages/en.js';
import { basisText, kindWord, modelDescriptionText } from './words.js';

const describe = (r: SuggestResult, L: Locale) =>
  r.model === 'pmedian'
    ? { unit: L.t('opt.unit_pmedian'), marginal: L.t('opt.marginal_pmedian'), after: L.t('opt.after_pmedian') }
    : {
        unit: L.t('opt.unit_cover', {
          kind: kindWord(r.kind, L),
          reach:
            r.threshold_km === null
              ? L.t('opt.reach_standard')
              : L.t('opt.reach_km', {
                  km: L.lang === 'en' ? r.threshold_km : L.num(r.threshold_km, decimals(r.threshold_km)),
                }),
        }),
        marginal: L.t('opt.marginal_cover'),
        after: L.t('opt.after_cover'),
      };

const decimals = (x: number) => Math.min(3, (String(x).split('.')[1] ?? '').length);

function summary(r: SuggestResult, L: Locale): string[] {
  const d = describe(r, L);
  const n = (x: number) => L.int(x);
  const fmt = (x: number) => (r.model === 'pmedian' ? `${L.num(x, 2)} km` : L.pct(x, 2));
  const moves = r.budget
    ? r.heuristic.swaps === 1
      ? 'opt.move'
      : 'opt.moves'
    : r.heuristic.swaps === 1
      ? 'opt.swap'
      : 'opt.swaps';
  const lines = [
    L.t('opt.headline', {
      title: L.t(`opt.title.${r.model}`),
      n: r.sites.length,
      kinds: L.t(`opt.kinds.${r.kind}`),
      candidates: n(r.candidates),
      fixed: r.fixed,
      year: L.yearOrd(r.year),
    }),
    L.t('opt.change', { unit: d.unit, before: fmt(r.before), after: fmt(r.after) }),
    L.t('opt.heuristic', {
      greedy: L.t(r.budget ? 'opt.greedy_manat' : 'opt.greedy'),
      value: n(r.heuristic.greedy),
      n: r.heuristic.swaps,
      moves: L.t(moves),
      extra: r.budget ? L.t('opt.extra_budget') : '',
      result: n(r.heuristic.local_search),
      what: L.t(r.model === 'pmedian' ? 'opt.what_pmedian' : 'opt.what_cover'),
    }),
  ];
  if (r.budget) lines.push(budgetLine(r.budget, r.sites.length, L));
  if (r.exact) lines.push(L.t('opt.exact', { value: n(r.exact.value), gap: L.pct(r.exact.gap_percent, 2) }));
  lines.push(L.t('opt.quality', { quality: qualityWords(r.quality, n, L) }), problemLine(r.problem, L));
  if (r.note) lines.push(L.t('opt.note', { note: L.say(r.note) }));
  return lines;
}

/** The quality of an answer (analysis/optimize/quality.ts's qualityText) in the run's language. */
export function qualityWords(q: SuggestResult['quality'], fmt: (x: number) => string, L: Locale): string {
  if (L.lang === 'en') return qualityText(q, fmt);
  const how = q.method ? ` (${known(q.method, L)})` : '';
  if (q.status === 'heuristic, no bound') return L.t('opt.quality.none');
  if (q.status === 'proven optimal') return L.t('opt.quality.optimal', { how });
  return L.t('opt.quality.gap', { gap: L.pct(q.gap_percent!, 2), bound: fmt(q.bound!), how });
}

/** What the answer answers: the model, the population and the travel model, said again in the run's language. */
function problemLine(p: SuggestResult['problem'], L: Locale): string {
  return L.t('opt.problem', {
    model: known(p.model, L),
    population: populationWords(p.population, L),
    travel: modelDescriptionText(p.travel, L),
  });
}

/** An English text the analysis wrote (JSON keeps it) that the catalogue knows, else as written. */
function known(s: string, L: Locale): string {
  if (L.lang === 'en') return s;
  const en = catalogue('en');
  const key = (Object.keys(en) as MessageKey[]).find((k) => k.startsWith('opt.') && en[k] === s);
  if (key) return fill(catalogue(L.lang)[key]);
  const order = /^opening order, (\d+) openings? a year: /.exec(s);
  if (order) {
    const n = Number(order[1]);
    const k = n === 1 ? 'opt.model.order_one' : 'opt.model.order_many';
    if (fill(en[k], { n }) === s) return L.t(k, { n });
  }
  const years = /^build cost \+ (\d+) years? of running cost$/.exec(s);
  if (years) {
    const n = Number(years[1]);
    return L.t('opt.counted_years', { n, years: L.t(n === 1 ? 'opt.year_word' : 'opt.years_word') });
  }
  return s;
}

/** "population basis: resident (…), people of 2030" in the run's language. */
function populationWords(s: string, L: Locale): string {
  if (L.lang === 'en') return s;
  const m = /^(.*), people of (\d{4})( held for every year)?$/.exec(s);
  if (!m) return s;
  const basis = (['resident', 'registered', 'file', 'file-scaled'] as const).find((b) => basisText(b) === m[1]);
  if (!basis) return s;
  const year = L.yearOrd(Number(m[2]));
  return L.t(m[3] ? 'opt.people_of_held' : 'opt.people_of', { basis: basisText(basis, L), year });
}

/** "Budget: 10,000,000 AZN (build cost only …); the 3 sites cost 9,800,000 AZN, 200,000 left." */
function budgetLine(b: BudgetUse, n: number, L: Locale): string {
  return L.t('opt.budget', {
    budget: L.int(b.budget_azn),
    counted: known(b.counted, L),
    n,
    sites: L.t(n === 1 ? 'opt.site' : 'opt.sites'),
    spent: L.int(b.spent_azn),
    left: L.int(b.budget_azn - b.spent_azn),
  });
}

function rows(r: SuggestResult, L: Locale): string[][] {
  return r.sites.map((s) => [
    String(s.rank),
    L.placeText(s.name),
    L.unitName(s.region) ?? s.region,
    L.num(s.lat, 4),
    L.num(s.lon, 4),
    L.int(s.marginal),
    r.model === 'pmedian' ? L.num(s.after, 2) : L.pct(s.after, 2),
    ...(r.budget ? [L.int(s.cost_azn ?? 0)] : []),
  ]);
}

function cols(r: SuggestResult, L: Locale): Column[] {
  const d = describe(r, L);
  return [
    { header: '#', align: 'right' },
    { header: L.t('opt.col_near') },
    { header: L.t('opt.col_region') },
    { header: L.t('opt.col_lat'), align: 'right' },
    { header: L.t('opt.col_lon'), align: 'right' },
    { header: d.marginal, align: 'right' },
    { header: d.after, align: 'right' },
    ...(r.budget ? [{ header: L.t('opt.col_cost'), align: 'right' } as Column] : []),
  ];
}

export function suggestText(r: SuggestResult, yaml: string, L: Locale = ENGLISH): string {
  return [...summary(r, L), '', textTable(cols(r, L), rows(r, L)), '', L.t('opt.paste'), '', yaml].join('\n');
}

export function suggestMarkdown(r: SuggestResult, yaml: string, L: Locale = ENGLISH): string {
  return [
    `### ${L.t('opt.md_title', { model: r.model })}`,
    '',
    ...summary(r, L).map(mdText),
    '',
    markdownTable(cols(r, L), rows(r, L)),
    '',
    '```yaml',
    yaml.trimEnd(),
    '```',
  ].join('\n');
}

export function suggestTable(r: SuggestResult): DataTable {
  const b = r.budget;
  return dataTable(
    'Suggested sites',
    [
      'rank',
      'near',
      'region',
      'lat',
      'lon',
      'marginal',
      'after',
      ...(b ? ['cost_azn', 'budget_azn', 'cost_counted'] : []),
      'quality',
      'model',
      'population',
      'travel',
    ],
    r.sites.map((s) => [
      s.rank,
      s.name,
      s.region,
      s.lat,
      s.lon,
      s.marginal,
      s.after,
      ...(b ? [s.cost_azn ?? '', b.budget_azn, b.counted] : []),
      qualityText(r.quality),
      r.problem.model,
      r.problem.population,
      r.problem.travel,
    ]),
  );
}

export function suggestGeoJson(r: SuggestResult): FeatureCollectionOut {
  return featureCollection(
    r.sites.map((s) =>
      pointFeature(s.lat, s.lon, {
        rank: s.rank,
        near: s.name,
        region: s.region,
        marginal: s.marginal,
        after: s.after,
        ...(s.cost_azn !== undefined ? { cost_azn: s.cost_azn } : {}),
      }),
    ),
    {
      model: r.model,
      kind: r.kind,
      year: r.year,
      quality: r.quality,
      problem: r.problem,
      ...(r.budget ? { budget: r.budget } : {}),
    },
  );
}

/**
 * The order on a map: every facility not open at the start as a Point ([lon, lat]) with its rank,
 * opening year (null when it does not open within the years), the plan's own year, the people it
 * newly covers and its costs; the collection carries the budget, the quality and the problem.
 */
export function orderGeoJson(o: OrderResult): FeatureCollectionOut {
  const quality = qualityText(o.quality);
  return featureCollection(
    o.sites.map((s) =>
      pointFeature(s.lat, s.lon, {
        id: s.id,
        name: s.name,
        kind: s.kind,
        rank: s.rank,
        opens: s.opens,
        plan_opens: s.plan_opens,
        newly_covered: s.newly_covered,
        ...(s.build_azn !== undefined ? { build_azn: s.build_azn } : {}),
        ...(s.yearly_azn !== undefined ? { yearly_azn: s.yearly_azn } : {}),
        quality,
      }),
    ),
    {
      model: 'order',
      from: o.from,
      ...(o.money
        ? {
            budget: {
              azn_per_year: o.money.azn_per_year,
              carry_over: o.money.carry_over,
              covers: o.money.covers,
              counted: o.money.counted,
              rule: o.money.rule,
            },
          }
        : { budget: { openings_per_year: o.budget } }),
      population: o.population,
      population_years: { optimized: o.optimized.population_years, plan: o.plan.population_years },
      unscheduled: o.unscheduled,
      quality: o.quality,
      problem: o.problem,
    },
  );
}

export function orderText(o: OrderResult, yaml: string, markdown = false, L: Locale = ENGLISH): string {
  const m = o.money;
  const spentCol = { header: L.t('order.col_spent'), align: 'right' } as Column;
  const c: Column[] = [
    { header: L.t('common.year') },
    { header: L.t('order.col_optimized') },
    { header: L.t('common.covered'), align: 'right' },
    ...(m ? [spentCol] : []),
    { header: L.t('order.col_plan') },
    { header: L.t('common.covered'), align: 'right' },
    ...(m ? [spentCol] : []),
  ];
  const r = o.optimized.steps.map((s, i) => {
    const p = o.plan.steps[i]!;
    const spent = m?.spent[i];
    return [
      String(s.year),
      s.open.join(' ') || '—',
      L.pct(s.percent),
      ...(spent ? [L.int(spent.optimized_azn)] : []),
      p.open.join(' ') || '—',
      L.pct(p.percent),
      ...(spent ? [L.int(spent.plan_azn)] : []),
    ];
  });
  const gain = o.optimized.population_years - o.plan.population_years;
  const line = markdown ? mdText : (s: string) => s;
  const pace = m
    ? L.t(m.covers === 'build' ? 'order.pace_money' : 'order.pace_money_running', { azn: L.int(m.azn_per_year) })
    : L.t(o.budget === 1 ? 'order.pace_one' : 'order.pace_many', { n: o.budget });
  return [
    L.t('order.headline', {
      pace,
      from: L.yearOrd(o.from + 1),
      optimized: L.int(o.optimized.population_years),
      plan: L.int(o.plan.population_years),
      gain: `${gain >= 0 ? '+' : ''}${L.int(gain)}`,
    }),
    ...[
      ...(m ? moneyLines(m, o, L) : []),
      L.t('opt.quality', { quality: qualityWords(o.quality, (x) => L.int(x), L) }),
      problemLine(o.problem, L),
    ].map(line),
    '',
    markdown ? markdownTable(c, r) : textTable(c, r),
    ...(o.unscheduled.length
      ? [
          '',
          L.t('order.unscheduled', {
            year: L.yearOrd(o.optimized.steps[o.optimized.steps.length - 1]?.year ?? o.from),
            n: o.unscheduled.length,
            list: line(o.unscheduled.join(' ')),
          }),
        ]
      : []),
    '',
    L.t(markdown ? 'order.scenario_md' : 'order.scenario'),
    '',
    ...(markdown ? ['```yaml', yaml.trimEnd(), '```'] : [yaml.trimEnd()]),
  ].join('\n');
}

/** The rule and the search of a money-budgeted order, and why nothing opens when nothing can. */
function moneyLines(m: MoneyOrderInfo, o: OrderResult, L: Locale): string[] {
  const none = m.none_affordable;
  return [
    ...(none
      ? [
          L.t('order.none_affordable', {
            year: L.yearOrd(o.optimized.steps.at(-1)?.year ?? o.from),
            id: none.id,
            build: L.int(none.build_azn),
          }),
        ]
      : []),
    L.t(m.covers === 'build' ? 'order.rule' : 'order.rule_running', { rule: known(m.rule, L) }),
    L.t('order.heuristic', {
      greedy: L.int(m.heuristic.greedy),
      n: m.heuristic.moves,
      moves: L.t(m.heuristic.moves === 1 ? 'opt.move' : 'opt.moves'),
      result: L.int(m.heuristic.local_search),
    }),
  ];
}

/** YAML double-quoted scalar: JSON's string syntax is valid YAML, so names with ':' or '#' stay text. */
const q = (s: string) => JSON.stringify(s);

/**
 * A `name:` line and, in a language other than English, its `name_az:` beside it (the plan's
 * field for the name said in that language; `name:` stays the English one, as plans/ write it).
 */
export function nameLines(indent: string, english: string, local: () => string, L: Locale): string[] {
  return [`${indent}name: ${q(english)}`, ...(L.lang === 'en' ? [] : [`${indent}name_${L.lang}: ${q(local())}`])];
}

/**
 * The suggestions as a scenario over the plan (`extends:` its path as seen from where the scenario
 * is saved), named after what it adds: the new entries, and the units they take over as dated
 * moves (`reassign:`), so the years before they open stay as the plan has them. It passes
 * `dostplan validate --strict`. Keys stay as plans write them; comments, `name_az:` and the
 * `source:` note are in the run's language.
 */
export function suggestYaml(r: SuggestResult, changes: PlanChanges, base: string, L: Locale = ENGLISH): string {
  const list = r.kind === 'center' ? 'centers' : 'branches';
  const n = changes.entries.length;
  const kinds = L.t(`opt.kinds.${r.kind}`);
  const what = `${n} ${n === 1 ? r.kind : list} suggested by optimize ${r.model}, opening ${r.year}`;
  const lines = [
    `# ${L.t('opt.yaml.head', { model: r.model, n: r.sites.length, list: kinds, year: L.yearOrd(r.year) })}`,
    `# ${L.t('opt.yaml.save')}`,
    `# ${L.t('opt.yaml.paste')}`,
    `extends: ${q(base)}`,
    ...nameLines('', what, () => L.t('opt.yaml.name', { model: r.model, n, list: kinds, year: L.yearOrd(r.year) }), L),
    `${list}:`,
    ...changes.entries.flatMap((e) => [
      `  - id: ${e.id}`,
      ...nameLines(
        '    ',
        e.name,
        () => L.t('opt.yaml.site_name', { kind: kindWord(r.kind, L), place: L.placeText(e.near) }),
        L,
      ),
      ...(e.center ? [`    center: ${e.center}`] : []),
      `    region: ${e.region}`,
      `    location: { lat: ${e.lat.toFixed(4)}, lon: ${e.lon.toFixed(4)} }`,
      '    status: planned',
      `    opens: ${e.opens}`,
      `    serves: [${e.serves.join(', ')}]`,
      '    evidence: { place: assumption, date: assumption }',
      `    source: ${q(L.t('opt.yaml.source', { model: r.model, effect: L.say(e.effect) }))}`,
      ...costYaml(e.costs),
    ]),
    ...reassignYaml(changes.moves, L),
  ];
  return `${lines.join('\n')}\n`;
}

/** A site's costs as plan fields (the plan schema's build_cost, yearly_cost, cost_source). */
function costYaml(c: SiteCosts | undefined): string[] {
  if (!c) return [];
  return [
    ...(c.build_cost !== undefined ? [`    build_cost: ${c.build_cost}`] : []),
    ...(c.yearly_cost !== undefined ? [`    yearly_cost: ${c.yearly_cost}`] : []),
    ...(c.cost_source !== undefined ? [`    cost_source: ${q(c.cost_source)}`] : []),
  ];
}

/** Units that move to a new facility, each from the day it opens (no `from:`: it follows `opens`). */
export function reassignYaml(moves: readonly UnitMove[], L: Locale = ENGLISH): string[] {
  if (!moves.length) return [];
  return [
    `reassign:  # ${L.t('opt.yaml.reassign')}`,
    ...moves.map((m) => `  - { unit: ${m.unit}, to: ${m.to} }  # ${L.t('opt.yaml.until', { center: m.from_center })}`),
  ];
}

/**
 * The optimized rollout order as a scenario over the plan: the facilities whose opening year
 * changes re-dated, and those the budget leaves out of the plan's years removed. It passes
 * `dostplan validate --strict` and `dostplan timeline` replays it.
 */
export function orderYaml(o: OrderResult, changes: OrderChanges, base: string, L: Locale = ENGLISH): string {
  const m = o.money;
  // English writes the budget as it always has (5000000); other languages group it.
  const pace = (lang: Locale) =>
    m
      ? lang.t('order.yaml.pace_money', {
          azn: lang.num(m.azn_per_year, 0),
          what: lang.t(m.covers === 'build' ? 'order.yaml.what_build' : 'order.yaml.what_all'),
          carry: lang.t(m.carry_over ? 'order.yaml.carry' : 'order.yaml.no_carry'),
        })
      : lang.t(o.budget === 1 ? 'order.pace_one' : 'order.pace_many', { n: o.budget });
  const from = L.yearOrd(o.from + 1);
  const lines = [
    `# ${L.t('order.yaml.head', { pace: pace(L), from })}`,
    `# ${L.t('opt.quality', { quality: qualityWords(o.quality, (x) => L.num(Math.round(x), 0), L) })}`,
    `# ${L.t('order.yaml.check')}`,
    `extends: ${q(base)}`,
    ...nameLines(
      '',
      `Rollout reordered by optimize order: ${pace(ENGLISH).replace(/,$/, '')} from ${o.from + 1}`,
      () => L.t('order.yaml.name', { pace: pace(L).replace(/,$/, ''), from }),
      L,
    ),
  ];
  for (const list of ['centers', 'branches'] as const) {
    const kind = list === 'centers' ? 'center' : 'branch';
    const mine = changes.redated.filter((r) => r.kind === kind);
    if (!mine.length) continue;
    lines.push(`${list}:`);
    for (const r of mine)
      lines.push(`  - { id: ${r.id}, opens: ${r.opens} }  # ${L.t('order.yaml.was', { was: L.planDate(r.was) })}`);
  }
  if (changes.removed.length) {
    const year = L.yearOrd(o.optimized.steps.at(-1)?.year ?? o.from);
    lines.push(`remove:  # ${L.t('order.yaml.removed', { year })}`);
    for (const id of changes.removed) lines.push(`  - ${id}`);
  }
  return `${lines.join('\n')}\n`;
}

/** An OR-Library graph run: the answer, how good it is, what it is an answer to, and its sites. */
export function graphText(r: GraphResult, L: Locale = ENGLISH): string {
  const exact = r.exact !== undefined ? L.t('opt.graph.exact', { value: r.exact }) : '';
  const published =
    r.published_optimum !== undefined
      ? L.t('opt.graph.published', { value: r.published_optimum, gap: L.pct(r.gap_percent!, decimals(r.gap_percent!)) })
      : '';
  return [
    L.t('opt.graph.result', {
      file: r.file,
      n: r.n,
      p: r.p,
      objective: r.objective,
      quality: qualityWords(r.quality, String, L),
      greedy: r.greedy,
      swaps: r.swaps,
      extra: `${exact}${published}`,
    }),
    L.t('opt.graph.problem', {
      model: known(r.model, L),
      population: known(r.population, L),
      travel: known(r.travel, L),
    }),
    L.t('opt.graph.sites', { sites: r.sites.join(' ') }),
  ].join('\n');
}
