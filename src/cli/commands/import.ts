import type { Command } from 'commander';
import type { Locale } from '../../model/locale.js';
import { importFacilities, servablePlaces } from '../../analysis/import-facilities.js';
import { EXIT, InputError, UserError } from '../../errors.js';
import { said } from '../../model/said.js';
import { refuseValue } from '../value-refusal.js';
import { basename } from 'node:path';
import { type CountryData, loadCountry } from '../../load/dataset-loader.js';
import { loadPlan } from '../../load/plan-loader.js';
import { FACILITY_ROLES, readFacilityList } from '../../load/facility-list.js';
import { readUserText } from '../../load/text-input.js';
import { isPlanDay, parsePlanDate, type PlanDay } from '../../model/dates.js';
import type { ColumnMap } from '../../load/column-map.js';
import { writeResult } from '../../render/output.js';
import { planYaml, replaceFacilities } from '../../render/plan-yaml.js';
import type { CommandSpec } from '../command.js';
import type { RunContext } from '../../run/run-context.js';
import { addOutOption, columnMap, tell } from '../options.js';
import { toolProvenance } from '../provenance.js';

interface Opts {
  columns?: ColumnMap;
  sheet?: string;
  name?: string;
  asOf?: PlanDay;
  facilitiesOnly?: boolean;
  into?: string;
  out?: string;
  data?: string;
}

/** Units a facility just off a simplified coastline still belongs to. */
const OFFSHORE_KM = 5;

export const command: CommandSpec<Opts> = {
  declare(cmd: Command, L: Locale) {
    cmd
      .argument('<list>', L.t('help.arg.import.list'))
      .option(
        '--columns <map>',
        L.t('help.opt.import.columns', { roles: FACILITY_ROLES.join(', ') }),
        columnMap(FACILITY_ROLES),
      )
      .option('--sheet <name>', L.t('help.opt.import.sheet'))
      .option('--name <name>', L.t('help.opt.import.name'))
      .option('--as-of <date>', L.t('help.opt.import.as_of'), asOfDate)
      .option('--facilities-only', L.t('help.opt.import.facilities_only'))
      .option('--into <plan>', L.t('help.opt.import.into'));
    addOutOption(cmd, L, L.t('help.opt.import.out'));
  },
  async run([file], o, run) {
    const country = loadCountry(run, o.data);
    const list = await readFacilityList(run, file!, {
      ...(o.columns ? { columns: o.columns } : {}),
      ...(o.sheet ? { sheet: o.sheet } : {}),
    });
    if (list.assumed) run.note(said('note.read_as', { file: file!, how: list.assumed }));
    const { regions, units } = country;
    const asOf = o.asOf ?? today();
    let plan: ReturnType<typeof importFacilities>;
    try {
      plan = importFacilities(list.rows, {
        isCode: (code) => regions.byCode.has(code),
        codeForName: (name) => regions.codeForName(name),
        unitAt: (lat, lon) => units?.nearestUnit(lat, lon, OFFSHORE_KM),
        asOf,
        ...servablePlaces(regions),
      });
    } catch (e) {
      // A refusal at a cell names its place; any other names the list.
      if (e instanceof UserError && !(e instanceof InputError))
        throw new InputError(file!, e.said ?? e.message, e.exitCode);
      throw e;
    }
    const standards = defaultStandards(run, country);
    const name = o.name ?? (file!.split(/[\\/]/).pop() ?? file!).replace(/\.[^.]*$/, '');
    // What the plan rests on: the list, and the unit polygons that placed the facilities without a region.
    const L = run.locale();
    const { credits, credits_az } = country.profile;
    const provenance = toolProvenance({ sources: (L.lang === 'az' && credits_az) || credits || [] });
    const yaml = o.into
      ? replaceFacilities(readUserText(run, o.into), plan, file!, provenance.tool, L)
      : planYaml(
          plan,
          {
            provenance,
            source: file!,
            name,
            ...(standards ? { standards } : {}),
            ...(o.facilitiesOnly ? { facilitiesOnly: true } : {}),
          },
          L,
        );
    writeResult(run, yaml, o.out);
    const guessed = [...plan.centers, ...plan.branches].filter((f) => Object.keys(f.guessed).length).length;
    tell(run, said('refuse.imported', { centers: plan.centers.length, branches: plan.branches.length, guessed }));
    return EXIT.ok;
  },
};

/** The country's default plan's standards, a starting point the comment tells to review. */
function defaultStandards(run: RunContext, country: CountryData) {
  const loaded = loadPlan(run, country.defaultPlan);
  const s = loaded.plan?.standards;
  if (!s) return undefined;
  return { from: said('note.guess.default_plan', { file: basename(country.defaultPlan) }), ...s };
}

function asOfDate(value: string): PlanDay {
  const d = parsePlanDate(value);
  if (!isPlanDay(d) || d.precision !== 'day') throw refuseValue(said('refuse.value.day'));
  return d;
}

function today(): PlanDay {
  const d = new Date();
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), precision: 'day' };
}
