/**
 * How good an optimizer's answer is, stated with every answer: proven optimal, or a bound and the
 * gap to it, or a heuristic answer with no bound. A planner reads the status; an engineer the gap.
 */
export type QualityStatus = 'proven optimal' | 'bound and gap' | 'heuristic, no bound';

/** How the p-median bound is obtained (lower-bound.ts). */
export const PMEDIAN_BOUND = 'Lagrangian relaxation, subgradient ascent, reduced-cost fixing';

export interface Quality {
  status: QualityStatus;
  /** The bound on the optimum: below it for a minimisation (p-median), above it for a maximisation (coverage). */
  bound?: number;
  /** |answer − bound| / |bound| in %, rounded to 0.01. */
  gap_percent?: number;
  /** How the bound was obtained. */
  method?: string;
}

/**
 * The quality of `value` given a proven `bound` on the optimum (±Infinity or NaN: none). Proven
 * when the answer meets the bound (to a relative 1e-9, the searches' own tolerance).
 */
export function qualityOf(value: number, bound: number, method: string): Quality {
  if (!Number.isFinite(bound)) return { status: 'heuristic, no bound' };
  const gap = Math.abs(value - bound);
  if (gap <= 1e-9 * Math.max(1, Math.abs(value))) return { status: 'proven optimal', bound, gap_percent: 0, method };
  const gap_percent = bound === 0 ? Infinity : Math.round((gap / Math.abs(bound)) * 10000) / 100;
  return { status: 'bound and gap', bound, gap_percent, method };
}

/** "proven optimal (Lagrangian bound)", "gap ≤ 0.42 % to the bound 8,543 (Lagrangian bound)", "heuristic, no bound". */
export function qualityText(q: Quality, fmt: (x: number) => string = String): string {
  if (q.status === 'heuristic, no bound') return 'heuristic, no bound';
  const how = q.method ? ` (${q.method})` : '';
  if (q.status === 'proven optimal') return `proven optimal${how}`;
  return `within ${q.gap_percent!.toFixed(2)}% of optimal: bound ${fmt(q.bound!)}${how}`;
}
