/**
 * Resettled residents of the liberated units on 1 January of a year, from the State Committee for
 * Refugees and IDPs' dated figures (data/inputs/resettled.csv). Method: data/SOURCES.md, Residents.
 */
import { apportion } from './apportion.js';

type Row = Record<string, string>;

/** The code of a row that gives the total over all liberated territories. */
export const ALL = 'ALL';

export interface Resettlement {
  /** Resettled residents by unit code (units without any figure are absent). */
  byUnit: Map<string, number>;
  /**
   * People a national total dated that 1 January counts beyond the units' latest own figures, shared
   * over the units resettled before that year in proportion to their registered population (estimate).
   */
  shared: number;
}

/**
 * Each unit's latest figure dated on or before 1 January `year`; where a total over all the liberated
 * territories is dated that very day and exceeds their sum, the rest is shared out (see `shared`).
 */
export function resettledOn(
  year: number,
  series: Row[],
  liberated: Row[],
  registeredOf: (code: string) => number,
): Resettlement {
  const cutoff = `${year}-01-01`;
  const latest = new Map<string, Row>();
  for (const r of series) {
    if (r.code === ALL || r.date! > cutoff) continue;
    const prev = latest.get(r.code!);
    if (!prev || r.date! > prev.date!) latest.set(r.code!, r);
  }
  const byUnit = new Map([...latest].map(([code, r]) => [code, Number(r.resettled)]));
  const total = series.find((r) => r.code === ALL && r.date === cutoff);
  const known = [...byUnit.values()].reduce((a, b) => a + b, 0);
  const gap = total ? Number(total.resettled) - known : 0;
  if (gap <= 0) return { byUnit, shared: 0 };
  const sharing = liberated.filter((l) => l.first_resettled && Number(l.first_resettled) < year);
  const weights = sharing.map((l) => registeredOf(l.code!));
  if (weights.every((w) => w <= 0)) return { byUnit, shared: 0 };
  apportion(gap, weights).forEach((n, i) => {
    const code = sharing[i]!.code!;
    byUnit.set(code, (byUnit.get(code) ?? 0) + n);
  });
  return { byUnit, shared: gap };
}
