/**
 * A plan date read as the period it names, ending on its last day (2026 → 31 December 2026,
 * 2026-02 → 28 February 2026): the reading itself, without a word of any language. A date that
 * names no day says why as a message not yet written (said.ts's Said, built as a plain object),
 * so this file imports no catalogue: the studio page (src/web/) reads plan dates with it, and its
 * bundle carries none of the CLI's messages. dates.ts adds the English text for the CLI.
 */
import type { Said } from './said.js';

export interface PlanDay {
  year: number;
  month: number;
  day: number;
  /** How the date was written: year, month or day precision. */
  precision: 'year' | 'month' | 'day';
}

/** Why a text is no plan date: not of the form at all, or a day the calendar does not have. */
export type DateReading = PlanDay | { kind: 'format' } | { kind: 'calendar'; said: Said };

const FORMAT = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Proleptic Gregorian calendar for every year (Date.UTC maps years 0–99 to 1900–1999). */
export function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Reads a plan date to the last day of the period it names. */
export function readPlanDate(value: string | number): DateReading {
  const m = FORMAT.exec(String(value));
  if (!m) return { kind: 'format' };
  const year = Number(m[1]);
  if (m[2] === undefined) return { year, month: 12, day: 31, precision: 'year' };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return { kind: 'calendar', said: { key: 'date.no_month', params: { month: m[2]! } } };
  if (m[3] === undefined) return { year, month, day: daysInMonth(year, month), precision: 'month' };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) {
    const params = { month: `${year}-${m[2]}`, days: daysInMonth(year, month), day };
    return { kind: 'calendar', said: { key: 'date.days_in_month', params } };
  }
  return { year, month, day, precision: 'day' };
}

export function isPlanDay(x: PlanDay | { kind: string }): x is PlanDay {
  return 'year' in x;
}

/** Sortable integer yyyymmdd. */
export function dayKey(d: Pick<PlanDay, 'year' | 'month' | 'day'>): number {
  return d.year * 10000 + d.month * 100 + d.day;
}
