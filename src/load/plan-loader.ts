/**
 * Loads a plan file: text → YAML with positions → schema → (scenario) merge with its base plan.
 * Never throws for bad content: every problem becomes a Diagnostic with file:line:column.
 */
import { type Said, said, told } from '../model/said.js';
import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { Diagnostic, Finding } from '../model/diagnostic.js';
import { Plan, ScenarioPlan } from '../model/plan.js';
import { closest } from '../model/suggest.js';
import { displayPath } from './display-path.js';
import { outsideRepository } from './plan-paths.js';
import type { RunContext } from '../run/run-context.js';
import { decodeText, readUserFile } from './text-input.js';
import { InputError, UserError } from '../errors.js';
import { parseYamlCompiled, type Position } from './yaml-source.js';
import { zodFindings } from './zod-findings.js';

/**
 * A run parses a plan once: zod's default compiles a fast path per object schema with new Function,
 * which costs more than it saves for one parse (issue 17; no difference on a 100,000-facility plan).
 * Same answers either way.
 */
const ONCE = { jitless: true } as const;

export interface LoadedPlan {
  /** The merged, schema-valid plan; undefined when the file (or its base) has errors. */
  plan: Plan | undefined;
  diagnostics: Diagnostic[];
  /** Where a path of the merged plan was written (a scenario's override, or its base). */
  locate(path: readonly (string | number)[], atKey?: boolean): Position;
  /** Every file read, the plan first. */
  files: string[];
  /**
   * When only some facility entries break the schema: the plan without them, and for each list
   * the original index of every entry kept, so the semantic checks can still report the rest.
   */
  partial?: { plan: Plan; kept: Record<FacilityList, number[]>; droppedIds: Set<string> };
}

type FacilityList = 'centers' | 'branches';

/** Files a plan names (the road network, its profile) are relative to the plan; made relative to the cwd here. */
function relativeToPlan(raw: Record<string, unknown>, abs: string): void {
  const dm = raw.distance_model;
  if (!dm || typeof dm !== 'object' || Array.isArray(dm)) return;
  const model = dm as Record<string, unknown>;
  for (const key of ['roads', 'roads_profile']) {
    const v = model[key];
    if (typeof v === 'string' && v) model[key] = relative(process.cwd(), resolve(dirname(abs), v)) || v;
  }
}

/** The paths the plan writes that leave its repository (plan-paths.ts), as errors at their lines. */
function pathsOutside(raw: Record<string, unknown>, abs: string, locate: LoadedPlan['locate']): Diagnostic[] {
  const dm = raw.distance_model as Record<string, unknown> | undefined;
  const pop = raw.population;
  const named: [string[], unknown][] = [
    [['extends'], raw.extends],
    // The long form { file, columns, sheet } names its file too.
    pop && typeof pop === 'object'
      ? [['population', 'file'], (pop as Record<string, unknown>).file]
      : [['population'], pop],
    [['distance_model', 'roads'], dm && typeof dm === 'object' ? dm.roads : undefined],
    [['distance_model', 'roads_profile'], dm && typeof dm === 'object' ? dm.roads_profile : undefined],
  ];
  const out: Diagnostic[] = [];
  for (const [path, v] of named) {
    if (typeof v !== 'string' || v === '') continue;
    const root = outsideRepository(abs, v);
    if (root === undefined) continue;
    out.push({
      ...locate(path),
      severity: 'error',
      code: 'path-outside-repository',
      ...told(said('plan.path_outside', { key: path.join('.'), path: v, root: displayPath(root) })),
    });
  }
  return out;
}

export function findingsToDiagnostics(findings: Finding[], locate: LoadedPlan['locate']): Diagnostic[] {
  return findings.map((f) => ({
    ...locate(f.path, f.atKey),
    severity: f.severity,
    code: f.code,
    message: f.message,
    ...(f.said !== undefined ? { said: f.said } : {}),
    ...(f.waived !== undefined ? { waived: f.waived } : {}),
  }));
}

/** Loads and merges a plan. `display` is how file names appear in messages (relative to the cwd). */
export function loadPlan(run: RunContext, path: string, chain: string[] = []): LoadedPlan {
  const abs = resolve(path);
  const file = displayPath(abs);
  const failed = (d: Diagnostic[]): LoadedPlan => ({
    plan: undefined,
    diagnostics: d,
    locate: () => ({ file, line: 1, column: 1 }),
    files: [file],
  });

  const decoded = decodeText(readUserFile(run, abs, undefined, file));
  if (!decoded.ok)
    return failed([
      {
        file,
        line: decoded.line,
        column: decoded.column,
        severity: 'error',
        code: 'encoding',
        message: decoded.message,
        said: decoded.said,
      },
    ]);
  const src = parseYamlCompiled(decoded.text, file);
  if (src.value === undefined) return { ...failed(src.diagnostics), locate: src.locate };
  if (src.value === null) {
    // An emptied plan must fail CI, not pass as "0 errors": nothing to plan is an error.
    return failed([{ ...src.locate([]), severity: 'error', code: 'empty-plan', ...told(said('plan.empty')) }]);
  }
  if (typeof src.value !== 'object' || Array.isArray(src.value)) {
    return failed([
      {
        ...src.locate([]),
        severity: 'error',
        code: 'wrong-type',
        ...told(said('plan.not_mapping')),
      },
    ]);
  }
  const raw = src.value as Record<string, unknown>;
  const outside = pathsOutside(raw, abs, src.locate);
  if (outside.length) return { plan: undefined, diagnostics: outside, locate: src.locate, files: [file] };
  relativeToPlan(raw, abs);
  // A population file is named relative to the plan that names it (as extends: is).
  const fromPlan = (p: string) => relative(process.cwd(), resolve(dirname(abs), p)) || p;
  if (typeof raw.population === 'string' && raw.population !== '') raw.population = fromPlan(raw.population);
  const long = raw.population as { file?: unknown } | null;
  if (typeof long === 'object' && long !== null && typeof long.file === 'string' && long.file !== '')
    raw.population = { ...long, file: fromPlan(long.file) };
  const isScenario = typeof raw.extends === 'string';
  const schema = isScenario ? ScenarioPlan : Plan;
  const parsed = schema.safeParse(raw, ONCE);
  if (!parsed.success) {
    const diagnostics = findingsToDiagnostics(zodFindings(parsed.error, schema, raw), src.locate);
    return {
      plan: undefined,
      diagnostics,
      locate: src.locate,
      files: [file],
      ...(isScenario ? {} : withoutBrokenFacilities(raw, parsed.error.issues)),
    };
  }
  if (!isScenario) {
    // remove: drops base facilities; without a base it would drop nothing, silently.
    const orphans = (parsed.data as Plan).remove.map((id, k) => ({
      ...src.locate(['remove', k]),
      severity: 'error' as const,
      code: 'unknown-facility',
      ...told(said('plan.remove_without_base', { id })),
    }));
    if (orphans.length) return { plan: undefined, diagnostics: orphans, locate: src.locate, files: [file] };
    return { plan: parsed.data as Plan, diagnostics: [], locate: src.locate, files: [file] };
  }

  // A scenario: load the base, then override it by id.
  const basePath = resolve(dirname(abs), raw.extends as string);
  if (chain.includes(basePath) || basePath === abs) {
    return failed([
      {
        ...src.locate(['extends']),
        severity: 'error',
        code: 'extends-cycle',
        ...told(
          said('plan.extends_cycle', {
            base: String(raw.extends),
            chain: [...chain, abs].map((p) => displayPath(p)).join(' → '),
          }),
        ),
      },
    ]);
  }
  let base: LoadedPlan;
  try {
    base = loadPlan(run, basePath, [...chain, abs]);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    // The base could not be read at all: missing, a directory, too big. Say which, at the extends: line.
    const missing = !existsSync(basePath);
    const s = missing
      ? said('plan.base_missing', { base: String(raw.extends), path: displayPath(basePath) })
      : said('plan.base_unusable', { base: String(raw.extends), why: errorSaid(e) });
    const code = missing ? 'extends-missing' : 'extends-unreadable';
    return failed([{ ...src.locate(['extends']), severity: 'error', code, ...told(s) }]);
  }
  if (!base.plan) return { ...base, files: [file, ...base.files] };
  return mergeScenario(parsed.data as ScenarioData, raw, base, src.locate, file);
}

type ScenarioData = ReturnType<typeof ScenarioPlan.parse>;

/** A refusal as a message in the run's language where it was given as one, else its English text. */
function errorSaid(e: UserError): Said | string {
  if (e instanceof InputError && e.problemSaid)
    return said('plan.where_problem', { where: e.where, problem: e.problemSaid });
  return e.said ?? e.message;
}

/** The plan minus the facility entries the schema rejected, if nothing else is wrong. */
function withoutBrokenFacilities(
  raw: Record<string, unknown>,
  issues: readonly { path: PropertyKey[] }[],
): Pick<LoadedPlan, 'partial'> {
  const broken: Record<FacilityList, Set<number>> = { centers: new Set(), branches: new Set() };
  for (const { path } of issues) {
    const [list, index] = path;
    if ((list !== 'centers' && list !== 'branches') || typeof index !== 'number') return {};
    broken[list].add(index);
  }
  const kept: Record<FacilityList, number[]> = { centers: [], branches: [] };
  const droppedIds = new Set<string>();
  const trimmed: Record<string, unknown> = { ...raw };
  for (const list of ['centers', 'branches'] as const) {
    const entries = Array.isArray(raw[list]) ? (raw[list] as unknown[]) : [];
    trimmed[list] = entries.filter((entry, i) => {
      if (!broken[list].has(i)) return kept[list].push(i) > 0;
      const id = (entry as { id?: unknown } | null)?.id;
      if (typeof id === 'string') droppedIds.add(id);
      return false;
    });
  }
  const again = Plan.safeParse(trimmed, ONCE);
  return again.success ? { partial: { plan: again.data, kept, droppedIds } } : {};
}

function mergeScenario(
  child: ScenarioData,
  raw: Record<string, unknown>,
  base: LoadedPlan,
  childLocate: LoadedPlan['locate'],
  file: string,
): LoadedPlan {
  // One id twice in the scenario itself would merge the two entries silently: say so instead.
  const duplicates: Diagnostic[] = [];
  for (const list of ['centers', 'branches'] as const) {
    const seen = new Map<string, number>();
    child[list].forEach((f, i) => {
      const first = seen.get(f.id);
      if (first === undefined) seen.set(f.id, i);
      else {
        const s = said('plan.scenario_duplicate_id', { id: f.id, list, first });
        duplicates.push({ ...childLocate([list, i, 'id']), severity: 'error', code: 'duplicate-id', ...told(s) });
      }
    });
  }
  const basePlan = base.plan!;
  // An id the base does not have removes nothing: a typo would leave the facility counted, silently.
  const baseIds = new Set([...basePlan.centers, ...basePlan.branches].map((f) => f.id));
  child.remove.forEach((id, k) => {
    if (baseIds.has(id)) return;
    const c = closest(id, baseIds);
    const hint = c ? said('check.did_you_mean', { list: said('check.quoted', { text: c }) }) : '';
    const s = said('plan.remove_unknown', { id, hint });
    duplicates.push({ ...childLocate(['remove', k]), severity: 'error', code: 'unknown-facility', ...told(s) });
  });
  if (duplicates.length) {
    return { plan: undefined, diagnostics: duplicates, locate: childLocate, files: [file, ...base.files] };
  }
  const origins: Record<FacilityList, { child?: number; base?: number }[]> = { centers: [], branches: [] };
  const merged: Record<string, unknown> = { ...basePlan };
  for (const key of Object.keys(raw))
    if (key !== 'centers' && key !== 'branches' && key !== 'extends' && key !== 'remove' && key !== 'reassign')
      merged[key] = (child as Record<string, unknown>)[key];
  delete merged.extends;
  // Dated serves changes add to the base's: a scenario changes the future on top of its base's own.
  const baseMoves = basePlan.reassign.length;
  merged.reassign = [...basePlan.reassign, ...child.reassign];
  for (const list of ['centers', 'branches'] as const) {
    const out: Record<string, unknown>[] = [];
    basePlan[list].forEach((f, i) => {
      if (!child.remove.includes(f.id)) {
        out.push({ ...f });
        origins[list].push({ base: i });
      }
    });
    child[list].forEach((f, ci) => {
      const at = out.findIndex((x) => x.id === f.id);
      const given = Object.fromEntries(
        Object.entries(f).filter(([k]) => (raw[list] as Record<string, unknown>[])[ci]?.[k] !== undefined),
      );
      if (at >= 0) {
        out[at] = { ...out[at], ...given };
        origins[list][at]!.child = ci;
      } else {
        out.push(given);
        origins[list].push({ child: ci });
      }
    });
    merged[list] = out;
  }
  const childHas = (list: FacilityList, ci: number, field: string | number | undefined) =>
    field === undefined || (raw[list] as Record<string, unknown>[])[ci]?.[field] !== undefined;
  const locate: LoadedPlan['locate'] = (path, atKey) => {
    const [top, index, field, ...rest] = path;
    if ((top === 'centers' || top === 'branches') && typeof index === 'number') {
      const o = origins[top][index];
      if (o?.child !== undefined && (o.base === undefined || childHas(top, o.child, field)))
        return childLocate([top, o.child, ...(field === undefined ? [] : [field]), ...rest], atKey);
      if (o?.base !== undefined)
        return base.locate([top, o.base, ...(field === undefined ? [] : [field]), ...rest], atKey);
    }
    if (top === 'reassign' && typeof index === 'number')
      return index < baseMoves
        ? base.locate(path, atKey)
        : childLocate(['reassign', index - baseMoves, ...path.slice(2)], atKey);
    if (top !== undefined && raw[top as string] !== undefined) return childLocate(path, atKey);
    return base.locate(path, atKey);
  };
  const parsed = Plan.safeParse(merged, ONCE);
  const files = [file, ...base.files];
  if (!parsed.success)
    return {
      plan: undefined,
      diagnostics: findingsToDiagnostics(zodFindings(parsed.error, Plan, merged), locate),
      locate,
      files,
    };
  return { plan: parsed.data, diagnostics: [], locate, files };
}
