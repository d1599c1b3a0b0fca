/**
 * Plan dates are periods: 2026 means "some time in 2026", 2026-05 "some time in May 2026".
 * For counting what is open by a date we take the end of the period (an opening "in 2026" is
 * certain only on 31 December 2026), which is what planners mean by "open by end of year".
 */
import type { Said } from './said.js';

export interface PlanDay {
  year: number;
  month: number;
  day: number;
  /** How the date was written: year, month or day precision. */
  precision: 'year' | 'month' | 'day';
}

// The problem as a message only, written as a plain Said (its English: said.ts `english`): the
// studio page parses dates too, and its bundle must not carry the catalogue said.ts imports.
const calendar = (s: Said): DateProblem => ({ kind: 'calendar', said: s });

const FORMAT = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export type DateProblem = { kind: 'format' } | { kind: 'calendar'; said: Said };

/** Proleptic Gregorian calendar for every year (Date.UTC maps years 0–99 to 1900–1999). */
export function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses a plan date to the last day of the period it names. */
export function parsePlanDate(value: string | number): PlanDay | DateProblem {
  const m = FORMAT.exec(String(value));
  if (!m) return { kind: 'format' };
  const year = Number(m[1]);
  if (m[2] === undefined) return { year, month: 12, day: 31, precision: 'year' };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return calendar({ key: 'date.no_month', params: { month: m[2]! } });
  if (m[3] === undefined) return { year, month, day: daysInMonth(year, month), precision: 'month' };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) {
    return calendar({
      key: 'date.days_in_month',
      params: { month: `${year}-${m[2]}`, days: daysInMonth(year, month), day },
    });
  }
  return { year, month, day, precision: 'day' };
}

export function isPlanDay(x: PlanDay | DateProblem): x is PlanDay {
  return 'year' in x;
}

/** Sortable integer yyyymmdd. */
export function dayKey(d: Pick<PlanDay, 'year' | 'month' | 'day'>): number {
  return d.year * 10000 + d.month * 100 + d.day;
}

export function formatDay(d: PlanDay): string {
  const mm = String(d.month).padStart(2, '0');
  const dd = String(d.day).padStart(2, '0');
  return d.precision === 'year' ? `${d.year}` : d.precision === 'month' ? `${d.year}-${mm}` : `${d.year}-${mm}-${dd}`;
}

/** Adds months to a month- or day-precision date; the day is clamped to the target month's length. */
export function addMonths(d: PlanDay, months: number): PlanDay {
  const total = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = d.precision === 'day' ? Math.min(d.day, daysInMonth(year, month)) : daysInMonth(year, month);
  return { year, month, day, precision: d.precision };
}
