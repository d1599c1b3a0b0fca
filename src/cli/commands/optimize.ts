import { dirname, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import type { Locale } from '../../model/locale.js';
import { resolveVisitModel, type Catchment } from '../../analysis/capacity.js';
import { Network } from '../../analysis/network.js';
import { capacitySiteId, capacitySites } from '../../analysis/optimize/capacity-sites.js';
import { solveGraph } from '../../analysis/optimize/graph.js';
import {
  type BudgetCovers,
  moneyRolloutOrder,
  orderChanges,
  rolloutOrder,
} from '../../analysis/optimize/rollout-order.js';
import { EXACT_LIMITS } from '../../analysis/optimize/exact.js';
import {
  planEntries,
  pointCandidates,
  suggestSites,
  unitsForNewSites,
  type Model,
} from '../../analysis/optimize/suggest.js';
import { MAX_AZN } from '../../analysis/optimize/costs.js';
import { EXIT, UserError } from '../../errors.js';
import { said } from '../../model/said.js';
import { refuseValue } from '../value-refusal.js';
import { loadCandidates } from '../../load/candidates.js';
import type { ColumnMap } from '../../load/column-map.js';
import { readGraph } from '../../load/orlib.js';
import { loadPlanContext } from '../../load/plan-context.js';
import { emit } from '../../render/emit.js';
import type { CommandSpec } from '../command.js';
import {
  addAlias,
  addFormatOption,
  addModelOptions,
  choice,
  columnMap,
  modelFlags,
  countAtLeastOne,
  numberIn,
  reportYear,
  wholeNumber,
  year,
  type ModelOptions,
} from '../options.js';
import { planAbout, toolProvenance } from '../provenance.js';

const catchment = choice(['nearest', 'assignment'] as const);

interface Opts extends ModelOptions {
  model: Model | 'order' | 'capacity';
  catchment?: Catchment;
  sites: number;
  kind: 'center' | 'branch';
  year?: number;
  target: number;
  candidates?: string;
  candidatesColumns?: ColumnMap;
  exact?: boolean;
  budget: number;
  budgetAzn?: number;
  budgetYears?: number;
  budgetAznPerYear?: number;
  budgetCovers?: BudgetCovers;
  carryOver: boolean;
  from?: number;
  graph?: string;
}

/**
 * A flag that only qualifies another is refused without it, rather than silently ignored: a planner
 * who writes --budget-years 5 under --model order, or --no-carry-over without a money budget, must
 * not believe it was applied.
 */
function refuseLoneFlags(o: Opts): void {
  const lone: [boolean, string, string][] = [
    [o.budgetYears !== undefined && o.budgetAzn === undefined, '--budget-years', '--budget-azn'],
    [o.budgetCovers !== undefined && o.budgetAznPerYear === undefined, '--budget-covers', '--budget-azn-per-year'],
    [!o.carryOver && o.budgetAznPerYear === undefined, '--no-carry-over', '--budget-azn-per-year'],
    // The rollout order by count and the capacity model have no exact solver to run.
    [!!o.exact && o.model === 'order' && o.budgetAznPerYear === undefined, '--exact', '--budget-azn-per-year'],
    [!!o.exact && o.model === 'capacity', '--exact', '--model mclp, pmedian or setcover'],
  ];
  for (const [bad, flag, needs] of lone) if (bad) throw new UserError(said('order.flag_needs', { flag, needs }));
}

/** --graph solves its file alone: a plan, population, network or budget beside it would be silently ignored. */
function refuseBesideGraph(planArg: string | undefined, o: Opts): void {
  const beside: [unknown, string][] = [
    [planArg, planArg ?? ''],
    [o.population, '--population'],
    [o.roads, '--roads'],
    [o.candidates, '--candidates'],
    [o.budgetAzn, '--budget-azn'],
    [o.budgetAznPerYear, '--budget-azn-per-year'],
    [o.withinKm, '--within-km'],
    [o.withinMin, '--within-min'],
    [o.year, '--year'],
  ];
  for (const [given, flag] of beside)
    if (given !== undefined) throw new UserError(said('optimize.graph_alone', { flag }));
}

/** Years of running cost counted with a build cost: 0 to 100. */
function yearsAhead(value: string): number {
  const n = wholeNumber(value);
  if (n > 100) throw refuseValue(said('refuse.value.years_ahead'));
  return n;
}

export const command: CommandSpec<Opts> = {
  declare(cmd: Command, L: Locale) {
    cmd
      .argument('[plan]', L.t('help.arg.plan'))
      .option(
        '--model <model>',
        L.t('help.opt.optimize.model'),
        choice(['mclp', 'pmedian', 'setcover', 'order', 'capacity'] as const),
        'mclp',
      )
      .option('--catchment <rule>', L.t('help.opt.optimize.catchment'), catchment)
      .option('-k, --sites <k>', L.t('help.opt.optimize.sites'), countAtLeastOne, 5)
      .option('--kind <kind>', L.t('help.opt.optimize.kind'), choice(['center', 'branch'] as const), 'center')
      .option('-y, --year <year>', L.t('help.opt.optimize.year'), year)
      .option('--target <percent>', L.t('help.opt.optimize.target'), numberIn(0, 100, { above: true }), 90)
      .option('--candidates <file>', L.t('help.opt.optimize.candidates'))
      .option(
        '--candidates-columns <map>',
        L.t('help.opt.optimize.candidates_columns'),
        columnMap(['lat', 'lon', 'region', 'name']),
      )
      .option('--exact', L.t('help.opt.optimize.exact'))
      .option('--budget-azn <manat>', L.t('help.opt.optimize.budget_azn'), numberIn(0, MAX_AZN, { above: true }))
      .option('--budget-years <n>', L.t('help.opt.optimize.budget_years'), yearsAhead)
      .option('--budget <n>', L.t('help.opt.optimize.budget'), countAtLeastOne, 3)
      .option(
        '--budget-azn-per-year <manat>',
        L.t('help.opt.optimize.budget_azn_per_year'),
        numberIn(0, MAX_AZN, { above: true }),
      )
      .option(
        '--budget-covers <what>',
        L.t('help.opt.optimize.budget_covers'),
        choice(['build+running', 'build'] as const),
      )
      .option('--no-carry-over', L.t('help.opt.optimize.no_carry_over'))
      .option('--from <year>', L.t('help.opt.optimize.from'), year)
      .option('--graph <file>', L.t('help.opt.optimize.graph'));
    addAlias(cmd, L, '--basis <rule>', '--catchment', catchment);
    addFormatOption(cmd, L, 'suggestion', 'text');
    addModelOptions(cmd, L);
  },
  async run([planArg], o, run) {
    if (o.graph) {
      refuseBesideGraph(planArg, o);
      const solved = await solveGraph(readGraph(run, o.graph), !!o.exact);
      if (solved.note) run.note(solved.note);
      await emit(run, 'graph', solved, o, { provenance: toolProvenance({ plan: o.graph }) });
      return EXIT.ok;
    }
    const ctx = await loadPlanContext(run, planArg, modelFlags(o));
    const { regions } = ctx.country;
    // A scenario names its base as seen from where it will be saved: --out's folder, else the working directory.
    const savedIn = o.out ? dirname(resolve(o.out)) : process.cwd();
    const base = relative(savedIn, resolve(planArg ?? ctx.country.defaultPlan))
      .split(sep)
      .join('/');
    if (o.budgetAznPerYear !== undefined && o.model !== 'order')
      throw new UserError(said('refuse.budget_per_year_needs_order'));
    refuseLoneFlags(o);
    if (o.model === 'order') {
      const from = o.from ?? ctx.plan.years.from;
      const result =
        o.budgetAznPerYear !== undefined
          ? await moneyRolloutOrder(
              ctx.plan,
              ctx.demand,
              regions,
              ctx.settings,
              from,
              { perYear: o.budgetAznPerYear, carryOver: o.carryOver, covers: o.budgetCovers ?? 'build+running' },
              o.exact ? EXACT_LIMITS.mclpVariables : undefined,
            )
          : rolloutOrder(ctx.plan, ctx.demand, regions, ctx.settings, from, o.budget);
      await emit(
        run,
        'order',
        { result, changes: orderChanges(ctx.plan, result), base },
        o,
        planAbout(ctx, [from, ctx.plan.years.to]),
      );
      return EXIT.ok;
    }
    const y = reportYear(run, ctx.plan, o.year);
    const candidates = o.candidates
      ? loadCandidates(run, o.candidates, regions, ctx.country.units, o.candidatesColumns)
      : pointCandidates(ctx.demand, regions, ctx.country.columns('resident'));
    if (o.model === 'capacity') {
      const net = new Network(ctx.plan, ctx.demand.points, regions, ctx.settings.travel);
      net.advanceTo(y);
      const visitModel = resolveVisitModel(ctx.plan);
      const result = capacitySites(net, ctx.demand, regions, ctx.settings, visitModel, candidates, {
        k: o.sites,
        catchment: o.catchment ?? visitModel.catchment,
      });
      const sites = result.sites.map((s) => ({ id: capacitySiteId(s), region: s.unit, lat: s.lat, lon: s.lon }));
      const units = unitsForNewSites(ctx.plan, regions, 'center', sites);
      await emit(run, 'capacitySites', { result, units, base }, o, planAbout(ctx, y));
      return EXIT.ok;
    }
    if (o.budgetAzn !== undefined && o.model !== 'mclp')
      throw new UserError(said('refuse.budget_needs_mclp', { model: o.model }));
    const options = {
      model: o.model,
      kind: o.kind,
      year: y,
      k: o.sites,
      targetPercent: o.target,
      exact: !!o.exact,
      ...(o.budgetAzn !== undefined ? { budget: { azn: o.budgetAzn, years: o.budgetYears ?? 0 } } : {}),
    };
    const result = await suggestSites(ctx.plan, ctx.demand, regions, ctx.settings, candidates, options);
    // Notes (an exact run skipped, people with no reachable facility) reach users of every format.
    if (result.note) run.note(result.note);
    await emit(
      run,
      'suggestion',
      { result, changes: planEntries(result, ctx.plan, regions), base },
      o,
      planAbout(ctx, y),
    );
    return EXIT.ok;
  },
};
