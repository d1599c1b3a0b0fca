/**
 * Capacitated catchments: people go to their cheapest facility that still has room; when it is
 * full they overflow to the next cheapest; people no facility can take are unserved. It is a
 * transportation problem (min Σ people × cost, each facility's load ≤ its capacity, people may be
 * split between facilities since a catchment is a crowd, not a person), solved two ways:
 *
 *  - exact: the linear program solved by HiGHS (the MILP/LP solver already used by optimize), for
 *    instances up to EXACT_ASSIGNMENT_LIMIT (point, facility) options;
 *  - flow: min-cost flow by successive shortest paths over the facilities (assignment-flow.ts),
 *    optimal too, at any size; HiGHS checks it where both run.
 *
 * Unserved people cost `penalty` each per unit, more than any trip, so both methods serve everyone
 * they can before minimising travel.
 */
import { highs } from './optimize/highs.js';

/**
 * Per point, its options (facilities it can reach) sorted by cost, in compressed rows. A row may
 * be only the cheapest part of the point's options (`complete`): capacity.ts builds rows a few
 * options at a time, since a million points × ten thousand facilities do not fit in memory.
 */
export interface AssignmentProblem {
  /** People at each point. */
  demand: Float64Array;
  /** People each facility can take (Infinity: unlimited). */
  capacity: Float64Array;
  /** Options of point i are start[i] .. start[i+1]-1, in increasing cost. */
  start: Int32Array;
  facility: Int32Array;
  cost: Float64Array;
  /**
   * Per point, 1 when its row holds all its options, 0 when more (as costly as its last or more)
   * may follow. Absent: every row is complete.
   */
  complete?: Uint8Array;
}

export interface Assignment {
  method: 'exact' | 'flow';
  /** People each facility serves. */
  load: Float64Array;
  /** People of each point left unserved. */
  unserved: Float64Array;
  /** People of each point served by an option other than their first (cheapest). */
  overflow: Float64Array;
  /** Extra cost (over their first option) summed over the overflowing people. */
  overflowExtraCost: Float64Array;
  /** Largest extra cost paid by anyone who overflowed (0 when nobody did). */
  maxExtraCost: number;
  /** Σ people × cost over the served. */
  travelCost: number;
  /** People on each option (parallel to the problem's facility/cost arrays). */
  flow: Float64Array;
  /**
   * Points with an incomplete row for which an option past it might pay (their price is above the
   * row's last cost): with these rows longer the result may differ. Empty: the result is the
   * optimum over the complete rows.
   */
  short: Int32Array<ArrayBuffer>;
  /** The min-cost flow's price of each facility (the dual of its capacity; 0 where there is room). */
  prices?: Float64Array;
}

export const EXACT_ASSIGNMENT_LIMIT = 40000;

/** Builds the compressed option rows from per-point lists (each sorted by cost here). */
export function problemFrom(
  demand: Float64Array,
  capacity: Float64Array,
  options: { facility: number; cost: number }[][],
): AssignmentProblem {
  const start = new Int32Array(options.length + 1);
  options.forEach((o, i) => (start[i + 1] = start[i]! + o.length));
  const facility = new Int32Array(start[options.length]!);
  const cost = new Float64Array(start[options.length]!);
  options.forEach((o, i) => {
    [...o]
      .sort((a, b) => a.cost - b.cost || a.facility - b.facility)
      .forEach((x, k) => {
        facility[start[i]! + k] = x.facility;
        cost[start[i]! + k] = x.cost;
      });
  });
  return { demand, capacity, start, facility, cost };
}

/** Overflow figures of a flow given per option (people on each option). */
export function summarise(
  p: AssignmentProblem,
  flow: Float64Array,
  method: Assignment['method'],
  short: Int32Array<ArrayBuffer> = new Int32Array(0),
): Assignment {
  const n = p.demand.length;
  const load = new Float64Array(p.capacity.length);
  const unserved = new Float64Array(n);
  const overflow = new Float64Array(n);
  const overflowExtraCost = new Float64Array(n);
  let travelCost = 0,
    maxExtraCost = 0;
  for (let i = 0; i < n; i++) {
    let served = 0;
    const first = p.start[i]! < p.start[i + 1]! ? p.cost[p.start[i]!]! : 0;
    for (let k = p.start[i]!; k < p.start[i + 1]!; k++) {
      const f = flow[k]!;
      if (f <= 1e-9) continue;
      served += f;
      load[p.facility[k]!]! += f;
      travelCost += f * p.cost[k]!;
      const extra = p.cost[k]! - first;
      // An option as cheap as the first (a tie) is not an overflow.
      if (extra > 1e-9) {
        overflow[i]! += f;
        overflowExtraCost[i]! += f * extra;
        if (extra > maxExtraCost) maxExtraCost = extra;
      }
    }
    unserved[i] = Math.max(0, p.demand[i]! - served);
  }
  return { method, load, unserved, overflow, overflowExtraCost, maxExtraCost, travelCost, flow, short };
}

/**
 * The transportation LP, solved by HiGHS: min Σ cost·x + penalty·Σ u  s.t.  Σ_k x_ik + u_i = w_i,
 * Σ_{i,k: facility j} x_ik ≤ cap_j (finite capacities only), x, u ≥ 0. Undefined when the
 * instance has more variables than `limit` or the solver does not report an optimum.
 */
export async function assignExact(
  p: AssignmentProblem,
  penalty: number,
  limit = EXACT_ASSIGNMENT_LIMIT,
): Promise<Assignment | undefined> {
  const n = p.demand.length;
  if (p.facility.length + n > limit) return undefined;
  // Costs are scaled to keep the LP well conditioned; the flow does not depend on the scale.
  const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toPrecision(12));
  const obj: string[] = [];
  for (let k = 0; k < p.facility.length; k++) obj.push(`${num(p.cost[k]!)} x${k}`);
  for (let i = 0; i < n; i++) if (p.demand[i]! > 0) obj.push(`${num(penalty)} u${i}`);
  const lines = ['Minimize', ` obj: ${obj.join(' + ') || '0 u0'}`, 'Subject To'];
  const byFacility = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (p.demand[i]! <= 0) continue;
    const terms = [`u${i}`];
    for (let k = p.start[i]!; k < p.start[i + 1]!; k++) {
      terms.push(`x${k}`);
      const j = p.facility[k]!;
      if (Number.isFinite(p.capacity[j]!)) (byFacility.get(j) ?? byFacility.set(j, []).get(j)!).push(k);
    }
    lines.push(` d${i}: ${terms.join(' + ')} = ${num(p.demand[i]!)}`);
  }
  for (const [j, ks] of [...byFacility.entries()].sort((a, b) => a[0] - b[0]))
    lines.push(` c${j}: ${ks.map((k) => `x${k}`).join(' + ')} <= ${num(p.capacity[j]!)}`);
  lines.push('End');
  const sol = (await highs()).solve(lines.join('\n'));
  if (sol.Status !== 'Optimal') return undefined;
  const flow = new Float64Array(p.facility.length);
  for (const [name, c] of Object.entries(sol.Columns))
    if (name.startsWith('x')) flow[Number(name.slice(1))] = Math.max(0, c.Primal);
  return summarise(p, flow, 'exact');
}

/**
 * A lower bound on the objective of any solution over these rows, from facility prices β ≥ 0 (LP
 * weak duality): Σ_i people_i × min(penalty, min_k cost_ik + β_k) − Σ_j capacity_j × β_j. With
 * the min-cost flow's prices it equals the flow's objective: a certificate of its optimality that
 * needs no other solver, at any size.
 */
export function lowerBound(p: AssignmentProblem, prices: Float64Array, penalty: number): number {
  let bound = 0;
  for (let i = 0; i < p.demand.length; i++) {
    if (!(p.demand[i]! > 0)) continue;
    let best = penalty;
    for (let k = p.start[i]!; k < p.start[i + 1]!; k++) best = Math.min(best, p.cost[k]! + prices[p.facility[k]!]!);
    bound += p.demand[i]! * best;
  }
  for (let j = 0; j < p.capacity.length; j++) if (prices[j]! > 0) bound -= p.capacity[j]! * prices[j]!;
  return bound;
}

/** The objective both methods minimise. */
export function objective(a: Assignment, penalty: number): number {
  return a.travelCost + penalty * unservedPeople(a);
}

export function unservedPeople(a: Assignment): number {
  return a.unserved.reduce((s, x) => s + x, 0);
}

/**
 * How far a solution is from a reference optimum, in the two quantities a planner reads apart:
 * people left unserved (more than the optimum leaves) and Σ people × minutes of the served (in %
 * above the optimum's). One objective with the unserved penalty in it would hide the second.
 */
export function solutionGap(a: Assignment, optimum: Assignment): { unserved_people: number; travel_pct: number } {
  const e = optimum.travelCost;
  // + 0: a solution within the solver's tolerance below the optimum reads 0, not -0.
  return {
    unserved_people: Math.round(unservedPeople(a) - unservedPeople(optimum)) + 0,
    travel_pct: (e > 0 ? Math.round(((a.travelCost - e) / e) * 10000) / 100 : 0) + 0,
  };
}
