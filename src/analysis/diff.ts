/** What changed between two plans, and what the change does to coverage, distances and targets. */
import { geodesicKm } from '../geo/geodesic.js';
import { facilitiesOf, type Facility, type Plan } from '../model/plan.js';
import type { PopulationBasisLabel } from './demand.js';
import type { Timeline } from './timeline.js';

export interface FacilityChange {
  id: string;
  name: string;
  kind: Facility['kind'];
  change: 'added' | 'removed' | 'moved' | 're-dated' | 'changed';
  detail: string;
}

export interface YearDelta {
  year: number;
  centers: [number, number];
  branches: [number, number];
  distance_percent: [number, number];
  assignment_percent: [number, number];
  mean_km: [number | null, number | null];
}

export interface PlanDiff {
  a: string;
  b: string;
  /** The population both timelines counted. */
  population_basis: PopulationBasisLabel;
  facilities: FacilityChange[];
  years: YearDelta[];
  targets: { by: string; label?: string; a: boolean | null; b: boolean | null }[];
}

/** Moves under 100 m are coordinate rounding, not a new site. */
const MOVE_KM = 0.1;

export function facilityChanges(a: Plan, b: Plan): FacilityChange[] {
  const fa = new Map(facilitiesOf(a).map((f) => [f.id, f]));
  const fb = new Map(facilitiesOf(b).map((f) => [f.id, f]));
  const out: FacilityChange[] = [];
  for (const [id, f] of fb) if (!fa.has(id)) out.push({ id, name: f.name, kind: f.kind, change: 'added', detail: `${f.region}, opens ${f.opens}` });
  for (const [id, f] of fa) if (!fb.has(id)) out.push({ id, name: f.name, kind: f.kind, change: 'removed', detail: `${f.region}, was to open ${f.opens}` });
  for (const [id, x] of fa) {
    const y = fb.get(id);
    if (!y) continue;
    const km = geodesicKm(x.location, y.location);
    if (km >= MOVE_KM) out.push({ id, name: y.name, kind: y.kind, change: 'moved', detail: `${km.toFixed(1)} km${x.region !== y.region ? `, ${x.region} → ${y.region}` : ''}` });
    if (String(x.opens) !== String(y.opens) || String(x.closes ?? '') !== String(y.closes ?? '')) {
      const closes = String(x.closes ?? '') !== String(y.closes ?? '') ? `; closes ${x.closes ?? '—'} → ${y.closes ?? '—'}` : '';
      out.push({ id, name: y.name, kind: y.kind, change: 're-dated', detail: `opens ${x.opens} → ${y.opens}${closes}` });
    }
    const other = (['status', 'kind', 'center', 'capacity'] as const).filter((k) => String(x[k] ?? '') !== String(y[k] ?? ''));
    const serves = x.serves.join(',') !== y.serves.join(',');
    if (other.length || serves) {
      out.push({ id, name: y.name, kind: y.kind, change: 'changed', detail: [...other.map((k) => `${k} ${x[k] ?? '—'} → ${y[k] ?? '—'}`), ...(serves ? [`serves [${x.serves.join(', ')}] → [${y.serves.join(', ')}]`] : [])].join('; ') });
    }
  }
  const order = { added: 0, removed: 1, moved: 2, 're-dated': 3, changed: 4 };
  return out.sort((p, q) => order[p.change] - order[q.change] || p.id.localeCompare(q.id));
}

export function diffPlans(a: Plan, b: Plan, ta: Timeline, tb: Timeline): PlanDiff {
  const years = [...new Set([...ta.years.map((y) => y.year), ...tb.years.map((y) => y.year)])].sort((x, y) => x - y);
  const at = (t: Timeline, y: number) => t.years.find((x) => x.year === y);
  const targets = [...new Set([...ta.targets, ...tb.targets].map((t) => t.by))].map((by) => {
    const x = ta.targets.find((t) => t.by === by), y = tb.targets.find((t) => t.by === by);
    return { by, ...((y ?? x)?.label ? { label: (y ?? x)!.label } : {}), a: x ? x.met : null, b: y ? y.met : null };
  });
  return {
    a: a.name,
    b: b.name,
    population_basis: tb.population_basis,
    facilities: facilityChanges(a, b),
    years: years.map((y) => {
      const x = at(ta, y), z = at(tb, y);
      return {
        year: y,
        centers: [x?.centers ?? 0, z?.centers ?? 0],
        branches: [x?.branches ?? 0, z?.branches ?? 0],
        distance_percent: [x?.coverage.distance.percent ?? 0, z?.coverage.distance.percent ?? 0],
        assignment_percent: [x?.coverage.assignment.percent ?? 0, z?.coverage.assignment.percent ?? 0],
        mean_km: [x?.mean_km ?? null, z?.mean_km ?? null],
      };
    }),
    targets,
  };
}
