/**
 * What changed between two plans, and what the change does to coverage, distances and targets.
 * Every value is a from/to pair (A → B) so programs need not parse text; the renderers format.
 * Each facility change is weighed by the people whose coverage it changes (see `changeImpacts`).
 */
import { geodesicKm } from '../geo/geodesic.js';
import { pointColumns, type Demand } from './demand.js';
import { yearWeights } from './demand.js';
import { withinStandard } from './coverage.js';
import type { RegionIndex } from '../model/region-index.js';
import { facilitiesOf, type Facility, type Plan } from '../model/plan.js';
import { Network, type Settings } from './network.js';
import { endKey } from './schedule.js';
import type { PopulationBasisLabel } from './demand.js';
import type { Timeline } from './timeline.js';
import { compareText } from '../model/compare-text.js';

/** A from/to pair: the value in plan A and in plan B (null: not there). */
export interface FromTo<T> {
  from: T;
  to: T;
}

/** The fields of a facility a diff compares. */
export interface FacilitySnapshot {
  region: string;
  lat: number;
  lon: number;
  opens: string;
  closes: string | null;
  status: string;
  kind: Facility['kind'];
  center: string | null;
  capacity: number | null;
  desks: number | null;
  service_min: number | null;
  serves: string[];
}

export type ChangeKind = 'added' | 'removed' | 'moved' | 're-dated' | 'changed';

export interface FacilityChange {
  id: string;
  name: string;
  kind: Facility['kind'];
  change: ChangeKind;
  /** The fields that differ (all fields for added/removed), A → B. */
  fields: Partial<{ [K in keyof FacilitySnapshot]: FromTo<FacilitySnapshot[K] | null> }>;
  /** Moved: geodesic km between the two sites. */
  moved_km?: number;
  /** People whose coverage this change alone flips, in `impact_year` (null: not measured). */
  people: number | null;
  impact_year: number | null;
}

/** A dated serves change that one plan has and the other not: from `effective` on, `to` serves `unit`. */
export interface ServesMove {
  change: 'added' | 'removed';
  unit: string;
  to: string;
  /** The change's own `from:` (null: the day `to` opens). */
  from: string | null;
  /** The date it takes effect, as the plan that has it says. */
  effective: string | null;
}

export interface YearDelta {
  year: number;
  centers: FromTo<number>;
  branches: FromTo<number>;
  distance_percent: FromTo<number>;
  assignment_percent: FromTo<number>;
  mean_km: FromTo<number | null>;
}

export interface PlanDiff {
  plans: FromTo<string>;
  /** The distance model each plan was measured with. */
  model: FromTo<string>;
  /** The population both timelines counted. */
  population_basis: PopulationBasisLabel;
  facilities: FacilityChange[];
  /** Dated serves changes (`reassign:`) in one plan and not the other. */
  serves_moves: ServesMove[];
  years: YearDelta[];
  targets: { by: string; label?: string; met: FromTo<boolean | null> }[];
}

/** Moves under 100 m are coordinate rounding, not a new site. */
const MOVE_KM = 0.1;

function snapshot(f: Facility): FacilitySnapshot {
  return {
    region: f.region,
    lat: f.location.lat,
    lon: f.location.lon,
    opens: String(f.opens),
    closes: f.closes === undefined ? null : String(f.closes),
    status: f.status,
    kind: f.kind,
    center: f.center ?? null,
    capacity: f.capacity ?? null,
    desks: f.desks ?? null,
    service_min: f.service_min ?? null,
    serves: [...f.serves],
  };
}

const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);

function pick<K extends keyof FacilitySnapshot>(
  a: FacilitySnapshot | null,
  b: FacilitySnapshot | null,
  keys: K[],
): FacilityChange['fields'] {
  const out: FacilityChange['fields'] = {};
  for (const k of keys)
    if (!same(a?.[k] ?? null, b?.[k] ?? null))
      (out as Record<string, unknown>)[k] = { from: a?.[k] ?? null, to: b?.[k] ?? null };
  return out;
}

const ALL = [
  'region',
  'lat',
  'lon',
  'opens',
  'closes',
  'status',
  'kind',
  'center',
  'capacity',
  'desks',
  'service_min',
  'serves',
] as (keyof FacilitySnapshot)[];

export function facilityChanges(a: Plan, b: Plan): FacilityChange[] {
  const fa = new Map(facilitiesOf(a).map((f) => [f.id, f]));
  const fb = new Map(facilitiesOf(b).map((f) => [f.id, f]));
  const out: FacilityChange[] = [];
  const base = (f: Facility, change: ChangeKind, fields: FacilityChange['fields']): FacilityChange => ({
    id: f.id,
    name: f.name,
    kind: f.kind,
    change,
    fields,
    people: null,
    impact_year: null,
  });
  for (const [id, f] of fb) if (!fa.has(id)) out.push(base(f, 'added', pick(null, snapshot(f), ALL)));
  for (const [id, f] of fa) if (!fb.has(id)) out.push(base(f, 'removed', pick(snapshot(f), null, ALL)));
  for (const [id, x] of fa) {
    const y = fb.get(id);
    if (!y) continue;
    const sx = snapshot(x),
      sy = snapshot(y);
    const km = geodesicKm(x.location, y.location);
    if (km >= MOVE_KM)
      out.push({ ...base(y, 'moved', pick(sx, sy, ['lat', 'lon', 'region'])), moved_km: Math.round(km * 10) / 10 });
    const dates = pick(sx, sy, ['opens', 'closes']);
    if (Object.keys(dates).length) out.push(base(y, 're-dated', dates));
    const other = pick(sx, sy, ['status', 'kind', 'center', 'capacity', 'desks', 'service_min', 'serves']);
    if (Object.keys(other).length) out.push(base(y, 'changed', other));
  }
  const order = { added: 0, removed: 1, moved: 2, 're-dated': 3, changed: 4 };
  return out.sort((p, q) => order[p.change] - order[q.change] || compareText(p.id, q.id));
}

export function servesMoves(a: Plan, b: Plan): ServesMove[] {
  const key = (r: Plan['reassign'][number]) => JSON.stringify([r.unit, r.to, r.from ?? null]);
  const of = (p: Plan, change: ServesMove['change'], other: Plan): ServesMove[] => {
    const there = new Set(other.reassign.map(key));
    const opens = new Map(facilitiesOf(p).map((f) => [f.id, String(f.opens)]));
    return p.reassign
      .filter((r) => !there.has(key(r)))
      .map((r) => ({
        change,
        unit: r.unit,
        to: r.to,
        from: r.from === undefined ? null : String(r.from),
        effective: r.from === undefined ? (opens.get(r.to) ?? null) : String(r.from),
      }));
  };
  return [...of(b, 'added', a), ...of(a, 'removed', b)];
}

/** Plan B with one facility put back as plan A has it (removed if A lacks it). */
function revert(a: Plan, b: Plan, id: string): Plan {
  const inA = facilitiesOf(a).find((f) => f.id === id);
  const centers = b.centers.filter((c) => c.id !== id);
  const branches = b.branches.filter((c) => c.id !== id);
  if (inA?.kind === 'center') centers.push(a.centers.find((c) => c.id === id)!);
  if (inA?.kind === 'branch') branches.push(a.branches.find((c) => c.id === id)!);
  return { ...b, centers, branches };
}

const yearOf = (d: string | number) => Math.floor(endKey(d) / 10000);

/**
 * For each changed facility: the people whose coverage (within the standard of any open center or
 * branch, plan B's standards and distance model) differs between plan B and plan B with only that
 * facility put back as plan A has it. Measured at the end of the last year of plan B, except for a
 * change of dates only, measured at the end of the first year the facility is open in one plan and
 * not the other (so "opens a year later" weighs the people left uncovered that year).
 */
export function changeImpacts(
  a: Plan,
  b: Plan,
  changes: FacilityChange[],
  demand: Demand,
  regions: RegionIndex,
  settings: Settings,
): FacilityChange[] {
  const baseline = new Map<number, Uint8Array>();
  const coveredIn = (plan: Plan, year: number) => {
    const points = pointColumns(demand);
    const net = new Network(plan, points, regions, settings.travel);
    net.advanceTo(year);
    const ok = withinStandard(net, settings, 'any');
    return Uint8Array.from({ length: points.count }, (_, i) => (ok(i) ? 1 : 0));
  };
  const yearFor = (id: string): number => {
    const mine = changes.filter((c) => c.id === id);
    if (mine.every((c) => c.change === 're-dated')) {
      const opens = mine[0]!.fields.opens;
      if (opens?.from && opens.to) return Math.min(b.years.to, Math.min(yearOf(opens.from), yearOf(opens.to)));
    }
    return b.years.to;
  };
  for (const id of new Set(changes.map((c) => c.id))) {
    const year = yearFor(id);
    if (!baseline.has(year)) baseline.set(year, coveredIn(b, year));
    const base = baseline.get(year)!;
    const other = coveredIn(revert(a, b, id), year);
    const w = yearWeights(demand, regions, year).weights;
    let people = 0;
    for (let i = 0; i < base.length; i++) if (base[i] !== other[i]) people += w[i]!;
    for (const c of changes) if (c.id === id) Object.assign(c, { people: Math.round(people), impact_year: year });
  }
  // Most people affected first; ties keep the kind-of-change order.
  return [...changes].sort((p, q) => (q.people ?? 0) - (p.people ?? 0));
}

export function diffPlans(
  a: Plan,
  b: Plan,
  ta: Timeline,
  tb: Timeline,
  changes: FacilityChange[] = facilityChanges(a, b),
): PlanDiff {
  const years = [...new Set([...ta.years.map((y) => y.year), ...tb.years.map((y) => y.year)])].sort((x, y) => x - y);
  const at = (t: Timeline, y: number) => t.years.find((x) => x.year === y);
  const targets = [...new Set([...ta.targets, ...tb.targets].map((t) => t.by))].map((by) => {
    const x = ta.targets.find((t) => t.by === by),
      y = tb.targets.find((t) => t.by === by);
    return {
      by,
      ...((y ?? x)?.label ? { label: (y ?? x)!.label } : {}),
      met: { from: x ? x.met : null, to: y ? y.met : null },
    };
  });
  const pair = <T>(f: (t: Timeline['years'][number] | undefined) => T, y: number): FromTo<T> => ({
    from: f(at(ta, y)),
    to: f(at(tb, y)),
  });
  return {
    plans: { from: a.name, to: b.name },
    model: { from: ta.model.description, to: tb.model.description },
    population_basis: tb.population_basis,
    facilities: changes,
    serves_moves: servesMoves(a, b),
    years: years.map((y) => ({
      year: y,
      centers: pair((x) => x?.centers ?? 0, y),
      branches: pair((x) => x?.branches ?? 0, y),
      distance_percent: pair((x) => x?.coverage.distance.percent ?? 0, y),
      assignment_percent: pair((x) => x?.coverage.assignment.percent ?? 0, y),
      mean_km: pair((x) => x?.mean_km ?? null, y),
    })),
    targets,
  };
}
