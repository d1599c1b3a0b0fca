/**
 * Quick what-ifs on a loaded plan: delay facilities (`--delay GAN=+6m`), or replay the schedule
 * as announced (`opens` ← `announced` wherever an announced date is recorded).
 */
import { addMonths, formatDay, isPlanDay, parsePlanDate } from '../model/dates.js';
import { UserError } from '../errors.js';
import { facilitiesOf, type Plan } from '../model/plan.js';
import { closest } from '../model/suggest.js';

export interface Delay {
  id: string;
  months: number;
}

/** Parses `ID=+6m`, `ID=+1y`, `ID=-3m`. Returns an error message for anything else. */
export function parseDelay(spec: string): Delay | string {
  const m = /^([^=]+)=([+-]?\d+)([my])$/.exec(spec.trim());
  if (!m) return `--delay ${spec}: expected ID=+Nm or ID=+Ny (e.g. GAN=+6m)`;
  return { id: m[1]!, months: Number(m[2]) * (m[3] === 'y' ? 12 : 1) };
}

/** The --delay specs of a command line, checked against the plan's facility ids. */
export function delaysFor(plan: Plan, specs: string[]): Delay[] {
  const ids = facilitiesOf(plan).map((f) => f.id);
  return specs.map((spec) => {
    const d = parseDelay(spec);
    if (typeof d === 'string') throw new UserError(d);
    if (!ids.includes(d.id)) {
      const c = closest(d.id, ids);
      throw new UserError(`--delay ${spec}: no facility with id '${d.id}'${c ? `; did you mean '${c}'?` : ''}`);
    }
    return d;
  });
}

/**
 * Shifts a plan date by whole months. A year-precision date ("2026": some time in 2026, certain
 * by December) moves by whole years when it can and otherwise becomes a month ("2027-06").
 */
export function shiftDate(value: string | number, months: number): string | number {
  const d = parsePlanDate(value);
  if (!isPlanDay(d)) return value;
  if (d.precision === 'year' && months % 12 === 0) return d.year + months / 12;
  const from = d.precision === 'year' ? { ...d, precision: 'month' as const } : d;
  return formatDay(addMonths(from, months));
}

export function applyDelays(plan: Plan, delays: Delay[]): Plan {
  const shift = <T extends { id: string; opens: string | number }>(f: T): T => {
    const months = delays.filter((d) => d.id === f.id).reduce((a, d) => a + d.months, 0);
    return months === 0 ? f : { ...f, opens: shiftDate(f.opens, months) };
  };
  return { ...plan, name: `${plan.name} (delayed: ${delays.map((d) => `${d.id} ${d.months >= 0 ? '+' : ''}${d.months}m`).join(', ')})`, centers: plan.centers.map(shift), branches: plan.branches.map(shift) };
}

/** The plan as announced: every facility with an `announced` date opens then. */
export function announcedSchedule(plan: Plan): Plan {
  const asAnnounced = <T extends { opens: string | number; announced?: string | number }>(f: T): T => (f.announced === undefined ? f : { ...f, opens: f.announced });
  return { ...plan, name: `${plan.name} (as announced)`, centers: plan.centers.map(asAnnounced), branches: plan.branches.map(asAnnounced) };
}
