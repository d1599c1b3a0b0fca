/** What is open when: facilities, dates and the year-end snapshots every analysis uses. */
import { dayKey, isPlanDay, parsePlanDate } from '../model/dates.js';
import { facilitiesOf, type Facility, type FacilityKind, type Plan } from '../model/plan.js';

/**
 * The sortable end-of-period key of a plan date (the plan is validated, so dates parse). A plan has
 * a few dozen distinct dates, asked for on every facility every year (and a 10,000-facility plan's
 * dates thousands of times each): each is parsed once.
 */
const endKeys = new Map<string | number, number>();

export function endKey(value: string | number): number {
  let key = endKeys.get(value);
  if (key === undefined) {
    const d = parsePlanDate(value);
    if (!isPlanDay(d)) throw new Error(`unvalidated date ${value}`);
    key = dayKey(d);
    endKeys.set(value, key);
  }
  return key;
}

export const yearEnd = (year: number) => year * 10000 + 1231;

/** Open on that day: opened on or before it, not closed on or before it. */
export function isOpenOn(f: Facility, key: number): boolean {
  return endKey(f.opens) <= key && (f.closes === undefined || endKey(f.closes) > key);
}

export function openOn(plan: Plan, key: number, kind?: FacilityKind): Facility[] {
  return facilitiesOf(plan).filter((f) => (kind === undefined || f.kind === kind) && isOpenOn(f, key));
}

export function planYears(plan: Plan): number[] {
  return Array.from({ length: plan.years.to - plan.years.from + 1 }, (_, i) => plan.years.from + i);
}

/**
 * The day a dated serves change takes effect: its `from`, else the day its facility opens.
 * Undefined when that is no date or names no facility (the validator reports those).
 */
export function reassignKey(
  r: Plan['reassign'][number],
  byId: ReadonlyMap<string, { opens: string | number }>,
): number | undefined {
  const when = r.from ?? byId.get(r.to)?.opens;
  if (when === undefined) return undefined;
  const d = parsePlanDate(when);
  return isPlanDay(d) ? dayKey(d) : undefined;
}

/**
 * Each facility's `serves:` on day `key`, with the plan's dated changes up to then applied in date
 * order (then file order): the unit joins `to` and leaves the other facilities of its kind. Only the
 * facilities whose list differs from their own are in the map.
 */
export function servesOn(plan: Plan, key: number): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!plan.reassign.length) return out;
  const facilities = facilitiesOf(plan);
  const byId = new Map(facilities.map((f) => [f.id, f]));
  const kindOf = new Map(facilities.map((f) => [f.id, f.kind]));
  const due = plan.reassign
    .map((r, i) => ({ r, i, at: reassignKey(r, byId) }))
    .filter((m) => m.at !== undefined && m.at <= key && kindOf.has(m.r.to))
    .sort((a, b) => a.at! - b.at! || a.i - b.i);
  if (!due.length) return out;
  // Who lists each unit (by id), kept up to date as the changes apply.
  const listing = new Map<string, Set<string>>();
  const lists = new Map(facilities.map((f) => [f.id, f.serves]));
  for (const f of facilities) for (const u of f.serves) (listing.get(u) ?? listing.set(u, new Set()).get(u)!).add(f.id);
  const edit = (id: string, next: string[]) => {
    lists.set(id, next);
    out.set(id, next);
  };
  for (const { r } of due) {
    const kind = kindOf.get(r.to);
    const holders = listing.get(r.unit) ?? listing.set(r.unit, new Set()).get(r.unit)!;
    for (const id of [...holders])
      if (id !== r.to && kindOf.get(id) === kind) {
        edit(
          id,
          lists.get(id)!.filter((u) => u !== r.unit),
        );
        holders.delete(id);
      }
    if (!holders.has(r.to)) {
      edit(r.to, [...lists.get(r.to)!, r.unit]);
      holders.add(r.to);
    }
  }
  return out;
}
