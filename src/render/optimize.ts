/** Optimizer results: text, Markdown, CSV, GeoJSON, and a YAML fragment to paste into a plan. */
import type { GraphResult } from '../analysis/optimize/graph.js';
import type { MoneyOrderInfo, OrderChanges, OrderResult } from '../analysis/optimize/rollout-order.js';
import type { PlanChanges, SuggestResult, UnitMove } from '../analysis/optimize/suggest.js';
import { qualityText } from '../analysis/optimize/quality.js';
import type { BudgetUse, SiteCosts } from '../analysis/optimize/costs.js';
import { type FeatureCollectionOut, featureCollection, pointFeature } from './geojson.js';
import { type DataTable, dataTable, int, markdownTable, textTable, type Column } from './table.js';
import { mdText } from './markdown-text.js';

const describe = (r: SuggestResult) =>
  r.model === 'pmedian'
    ? { unit: 'mean road km to the nearest facility', marginal: 'people × km saved', after: 'mean km after' }
    : {
        unit:
          `share of people within the standard of an open facility (a new ${r.kind} covers ` +
          `${r.threshold_km === null ? 'the people within its standard' : `${r.threshold_km} road km`})`,
        marginal: 'people newly covered',
        after: 'covered after',
      };

function summary(r: SuggestResult): string[] {
  const d = describe(r);
  const fmt = (x: number) => (r.model === 'pmedian' ? `${x.toFixed(2)} km` : `${x.toFixed(2)}%`);
  const lines = [
    `${r.model === 'mclp' ? 'Maximal covering' : r.model === 'pmedian' ? 'p-median' : 'Set covering'}: ${r.sites.length} new ${r.kind === 'center' ? 'centers' : 'branches'} among ${int(r.candidates)} candidates, on top of ${r.fixed} facilities open at the end of ${r.year}.`,
    `${d.unit}: ${fmt(r.before)} → ${fmt(r.after)}.`,
    `Heuristic: ${r.budget ? 'greedy by people per manat' : 'greedy'} ${int(r.heuristic.greedy)}, after ${r.heuristic.swaps} ` +
      `${r.budget ? 'move' : 'swap'}${r.heuristic.swaps === 1 ? '' : 's'} of local search${r.budget ? ' (add, swap, drop and refill)' : ''} ` +
      `${int(r.heuristic.local_search)}${r.model === 'pmedian' ? ' (people × km)' : ' people covered'}.`,
  ];
  if (r.budget) lines.push(budgetLine(r.budget, r.sites.length));
  if (r.exact)
    lines.push(
      `Exact (HiGHS MILP): ${int(r.exact.value)}; optimality gap of the heuristic: ${r.exact.gap_percent.toFixed(2)}%.`,
    );
  lines.push(
    `Quality: ${qualityText(r.quality, int)}.`,
    `Model: ${r.problem.model}; ${r.problem.population}; travel: ${r.problem.travel}.`,
  );
  if (r.note) lines.push(`Note: ${r.note}.`);
  return lines;
}

/** "Budget: 10,000,000 AZN (build cost only …); the 3 sites cost 9,800,000 AZN, 200,000 left." */
function budgetLine(b: BudgetUse, n: number): string {
  return (
    `Budget: ${int(b.budget_azn)} AZN, counting ${b.counted}; the ${n} site${n === 1 ? '' : 's'} ` +
    `cost ${int(b.spent_azn)} AZN, ${int(b.budget_azn - b.spent_azn)} AZN left.`
  );
}

function rows(r: SuggestResult): string[][] {
  return r.sites.map((s) => [
    String(s.rank),
    s.name,
    s.region,
    s.lat.toFixed(4),
    s.lon.toFixed(4),
    int(s.marginal),
    r.model === 'pmedian' ? s.after.toFixed(2) : `${s.after.toFixed(2)}%`,
    ...(r.budget ? [int(s.cost_azn ?? 0)] : []),
  ]);
}

function cols(r: SuggestResult): Column[] {
  const d = describe(r);
  return [
    { header: '#', align: 'right' },
    { header: 'near' },
    { header: 'region' },
    { header: 'lat', align: 'right' },
    { header: 'lon', align: 'right' },
    { header: d.marginal, align: 'right' },
    { header: d.after, align: 'right' },
    ...(r.budget ? [{ header: 'cost AZN', align: 'right' } as Column] : []),
  ];
}

export function suggestText(r: SuggestResult, yaml: string): string {
  return [...summary(r), '', textTable(cols(r), rows(r)), '', 'Paste into a plan:', '', yaml].join('\n');
}

export function suggestMarkdown(r: SuggestResult, yaml: string): string {
  return [
    `### Site suggestions (${r.model})`,
    '',
    ...summary(r).map(mdText),
    '',
    markdownTable(cols(r), rows(r)),
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

export function orderText(o: OrderResult, yaml: string, markdown = false): string {
  const m = o.money;
  const c: Column[] = [
    { header: 'year' },
    { header: 'optimized: opens' },
    { header: 'covered', align: 'right' },
    ...(m ? [{ header: 'spent AZN', align: 'right' } as Column] : []),
    { header: 'plan: opens' },
    { header: 'covered', align: 'right' },
    ...(m ? [{ header: 'spent AZN', align: 'right' } as Column] : []),
  ];
  const r = o.optimized.steps.map((s, i) => {
    const p = o.plan.steps[i]!;
    const spent = m?.spent[i];
    return [
      String(s.year),
      s.open.join(' ') || '—',
      `${s.percent.toFixed(1)}%`,
      ...(spent ? [int(spent.optimized_azn)] : []),
      p.open.join(' ') || '—',
      `${p.percent.toFixed(1)}%`,
      ...(spent ? [int(spent.plan_azn)] : []),
    ];
  });
  const gain = o.optimized.population_years - o.plan.population_years;
  const line = markdown ? mdText : (s: string) => s;
  const pace = m
    ? `a build budget of ${int(m.azn_per_year)} AZN a year`
    : `${o.budget} opening${o.budget === 1 ? '' : 's'} a year`;
  return [
    `Rollout order with ${pace} from ${o.from + 1}: ` +
      `population-years covered ${int(o.optimized.population_years)} vs ` +
      `${int(o.plan.population_years)} in the plan's order at the same budget (${gain >= 0 ? '+' : ''}${int(gain)}).`,
    ...[
      ...(m ? moneyLines(m) : []),
      `Quality: ${qualityText(o.quality, int)}.`,
      `Model: ${o.problem.model}; ${o.problem.population}; travel: ${o.problem.travel}.`,
    ].map(line),
    '',
    markdown ? markdownTable(c, r) : textTable(c, r),
    ...(o.unscheduled.length
      ? [
          '',
          `Not opened by ${o.optimized.steps[o.optimized.steps.length - 1]?.year ?? o.from} at this ` +
            `budget (${o.unscheduled.length}): ${line(o.unscheduled.join(' '))}`,
        ]
      : []),
    '',
    markdown ? 'As a scenario:' : 'As a scenario over the plan:',
    '',
    ...(markdown ? ['```yaml', yaml.trimEnd(), '```'] : [yaml.trimEnd()]),
  ].join('\n');
}

/** The rule and the search of a money-budgeted order. */
function moneyLines(m: MoneyOrderInfo): string[] {
  return [
    `Budget rule: build costs only (running costs not counted); ${m.rule}.`,
    `Heuristic: greedy by people per manat ${int(m.heuristic.greedy)} people-years, after ${m.heuristic.moves} ` +
      `move${m.heuristic.moves === 1 ? '' : 's'} in the opening list ${int(m.heuristic.local_search)}.`,
  ];
}

/** A plan fragment for the suggested sites, ready to paste under centers: or branches:. */
/** YAML double-quoted scalar: JSON's string syntax is valid YAML, so names with ':' or '#' stay text. */
const q = (s: string) => JSON.stringify(s);

/**
 * The suggestions as a scenario over the plan (`extends:` its path as seen from where the scenario
 * is saved), named after what it adds: the new entries, and the units they take over as dated
 * moves (`reassign:`), so the years before they open stay as the plan has them. It passes
 * `dostplan validate --strict`.
 */
export function suggestYaml(r: SuggestResult, changes: PlanChanges, base: string): string {
  const list = r.kind === 'center' ? 'centers' : 'branches';
  const n = changes.entries.length;
  const what = `${n} ${n === 1 ? r.kind : list} suggested by optimize ${r.model}, opening ${r.year}`;
  const lines = [
    `# dostplan optimize --model ${r.model}: ${r.sites.length} suggested ${list}, fixed network of ${r.year}.`,
    '# A scenario over the plan: save it beside the plan and check it with `dostplan validate --strict`,',
    '# or paste the new entries (and the reassign: moves) into the plan.',
    `extends: ${q(base)}`,
    `name: ${q(what)}`,
    `${list}:`,
    ...changes.entries.flatMap((e) => [
      `  - id: ${e.id}`,
      `    name: ${q(e.name)}`,
      ...(e.center ? [`    center: ${e.center}`] : []),
      `    region: ${e.region}`,
      `    location: { lat: ${e.lat.toFixed(4)}, lon: ${e.lon.toFixed(4)} }`,
      '    status: planned',
      `    opens: ${e.opens}`,
      `    serves: [${e.serves.join(', ')}]`,
      '    evidence: { place: assumption, date: assumption }',
      `    source: ${q(`dostplan optimize (${r.model}): ${e.effect}`)}`,
      ...costYaml(e.costs),
    ]),
    ...reassignYaml(changes.moves),
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
export function reassignYaml(moves: readonly UnitMove[]): string[] {
  if (!moves.length) return [];
  return [
    'reassign:  # from the day the new facility opens; the center that served the unit keeps it until then',
    ...moves.map((m) => `  - { unit: ${m.unit}, to: ${m.to} }  # until then ${m.from_center}`),
  ];
}

/**
 * The optimized rollout order as a scenario over the plan: the facilities whose opening year
 * changes re-dated, and those the budget leaves out of the plan's years removed. It passes
 * `dostplan validate --strict` and `dostplan timeline` replays it.
 */
export function orderYaml(o: OrderResult, changes: OrderChanges, base: string): string {
  const a = o.budget === 1 ? 'opening' : 'openings';
  const m = o.money;
  const pace = m
    ? `${m.azn_per_year} AZN a year of build budget${m.carry_over ? ', unspent money carried over,' : ', no carry-over,'}`
    : `${o.budget} ${a} a year`;
  const lines = [
    `# dostplan optimize --model order: the rollout order with ${pace} from ${o.from + 1}.`,
    `# Quality: ${qualityText(o.quality, (x) => String(Math.round(x)))}.`,
    '# A scenario over the plan: check it with `dostplan validate --strict`, compare with `dostplan diff`.',
    `extends: ${q(base)}`,
    `name: ${q(`Rollout reordered by optimize order: ${pace.replace(/,$/, '')} from ${o.from + 1}`)}`,
  ];
  for (const list of ['centers', 'branches'] as const) {
    const kind = list === 'centers' ? 'center' : 'branch';
    const mine = changes.redated.filter((r) => r.kind === kind);
    if (!mine.length) continue;
    lines.push(`${list}:`);
    for (const r of mine) lines.push(`  - { id: ${r.id}, opens: ${r.opens} }  # plan: ${r.was}`);
  }
  if (changes.removed.length) {
    lines.push(`remove:  # not opened by ${o.optimized.steps.at(-1)?.year ?? o.from} at this budget`);
    for (const id of changes.removed) lines.push(`  - ${id}`);
  }
  return `${lines.join('\n')}\n`;
}

/** An OR-Library graph run: the answer, how good it is, what it is an answer to, and its sites. */
export function graphText(r: GraphResult): string {
  const exact = r.exact !== undefined ? `; exact (HiGHS) ${r.exact}` : '';
  const known =
    r.published_optimum !== undefined ? `; published optimum ${r.published_optimum}, gap ${r.gap_percent}%` : '';
  return [
    `${r.file}: n=${r.n} p=${r.p} objective ${r.objective}: ${qualityText(r.quality)} ` +
      `(greedy ${r.greedy}, ${r.swaps} swaps)${exact}${known}`,
    `model: ${r.model}; demand: ${r.population}; distance: ${r.travel}`,
    `sites: ${r.sites.join(' ')}`,
  ].join('\n');
}
