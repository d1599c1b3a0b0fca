/**
 * A facility's state at the end of a year, by the rule of the report map (analysis/report.ts
 * stateAt): open if it opened by 31 December and had not closed by then; else closed if it had;
 * else its plan status. Plan dates are periods ("2026" = by the end of 2026: model/dates.ts).
 */
import { dayKey, isPlanDay, readPlanDate } from '../model/plan-day.js';
import type { FacilityState } from '../render/palette.js';
import type { Facility } from './api.js';

/** The sortable end-of-period key of a date, or null when it is no plan date. */
function endKey(value: string | number | null): number | null {
  if (value === null) return null;
  const d = readPlanDate(value);
  return isPlanDay(d) ? dayKey(d) : null;
}

export function facilityState(f: Facility, year: number): FacilityState {
  const end = year * 10000 + 1231;
  const opens = endKey(f.opens);
  const closes = endKey(f.closes);
  if (opens !== null && opens <= end && (closes === null || closes > end)) return 'open';
  if (f.status === 'closed' || (closes !== null && closes <= end)) return 'closed';
  return f.status === 'under_construction' ? 'under_construction' : 'planned';
}

/** The year a facility opens (its date's year), for the editor; null when it is no plan date. */
export const yearOf = (value: string | number | null): number | null => {
  const k = endKey(value);
  return k === null ? null : Math.floor(k / 10000);
};
