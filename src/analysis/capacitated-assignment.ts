/**
 * Capacitated catchments: people go to their cheapest facility that still has room; when it is
 * full they overflow to the next cheapest; people no facility can take are unserved. It is a
 * transportation problem (min Σ people × cost, each facility's load ≤ its capacity, people may be
 * split between facilities since a catchment is a crowd, not a person):
 *
 *  - exact: the linear program solved by HiGHS (the MILP/LP solver already used by optimize), for
 *    instances up to EXACT_ASSIGNMENT_LIMIT (point, facility) options;
 *  - heuristic: Vogel-style regret — whoever would lose most by not getting their cheapest
 *    facility with room is placed first, regrets recomputed lazily as facilities fill — for any size.
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
  method: 'exact' | 'heuristic';
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
   * Points with an incomplete row that the heuristic had to look past (a row ran out, or an option
   * not in it might have paid): with these rows longer the run may differ. Empty: the result is the
   * one the complete rows give.
   */
  short: Int32Array<ArrayBuffer>;
}

export const EXACT_ASSIGNMENT_LIMIT = 40000;
/** Pairs the local improvement may examine (a few hundred ms of work). */
export const WORK_BUDGET = 10_000_000;

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
function summarise(
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
 * The points whose incomplete rows a run looked past. Every place the heuristic reads a point's
 * options in cost order either stays within its row or reports it here, so a run that reports
 * nobody made the same decisions as a run over the complete rows.
 */
class Shortfall {
  private readonly marked: Uint8Array | undefined;
  constructor(private readonly p: AssignmentProblem) {
    this.marked = p.complete ? new Uint8Array(p.demand.length) : undefined;
  }
  /** Whether point i's row may lack options. */
  incomplete(i: number): boolean {
    return this.p.complete !== undefined && this.p.complete[i] === 0;
  }
  /** The least cost an option past point i's row can have: its row's last (rows are in cost order). */
  beyond(i: number): number {
    return this.p.start[i + 1]! > this.p.start[i]! ? this.p.cost[this.p.start[i + 1]! - 1]! : 0;
  }
  mark(i: number): void {
    if (this.incomplete(i)) this.marked![i] = 1;
  }
  list(): Int32Array<ArrayBuffer> {
    const out: number[] = [];
    if (this.marked) for (let i = 0; i < this.marked.length; i++) if (this.marked[i]) out.push(i);
    return Int32Array.from(out);
  }
}

/** A small binary max-heap of (key, point) for the lazy regret order. */
class MaxHeap {
  private keys: number[] = [];
  private vals: number[] = [];
  get size() {
    return this.keys.length;
  }
  push(key: number, val: number) {
    this.keys.push(key);
    this.vals.push(val);
    let i = this.keys.length - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (!this.before(i, up)) break;
      this.swap(i, up);
      i = up;
    }
  }
  topKey() {
    return this.keys[0]!;
  }
  pop(): [number, number] {
    const top: [number, number] = [this.keys[0]!, this.vals[0]!];
    const k = this.keys.pop()!,
      v = this.vals.pop()!;
    if (this.keys.length) {
      this.keys[0] = k;
      this.vals[0] = v;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1,
          r = l + 1;
        let best = i;
        if (l < this.keys.length && this.before(l, best)) best = l;
        if (r < this.keys.length && this.before(r, best)) best = r;
        if (best === i) break;
        this.swap(i, best);
        i = best;
      }
    }
    return top;
  }
  // Ties broken by the smaller point index, so the order (and the result) is deterministic.
  private before(a: number, b: number) {
    return this.keys[a]! > this.keys[b]! || (this.keys[a] === this.keys[b] && this.vals[a]! < this.vals[b]!);
  }
  private swap(a: number, b: number) {
    [this.keys[a], this.keys[b]] = [this.keys[b]!, this.keys[a]!];
    [this.vals[a], this.vals[b]] = [this.vals[b]!, this.vals[a]!];
  }
}

/**
 * Regret heuristic. A point's regret is the cost of its second-cheapest facility with room minus
 * its cheapest (the penalty stands in when there is no second). Points are placed in decreasing
 * regret; a point whose regret has changed since it was queued (a facility filled) is re-queued.
 */
export function assignHeuristic(p: AssignmentProblem, penalty: number): Assignment {
  const n = p.demand.length;
  const room = Float64Array.from(p.capacity);
  const flow = new Float64Array(p.facility.length);
  const left = Float64Array.from(p.demand);
  const short = new Shortfall(p);
  // Facilities with room: when a row runs out, a facility with room past it exists only if the
  // row has seen fewer than these.
  let roomy = 0;
  for (const r of room) if (r > 1e-9) roomy++;
  const regret = (i: number): number => {
    let first = -1,
      seen = 0;
    for (let k = p.start[i]!; k < p.start[i + 1]!; k++) {
      if (room[p.facility[k]!]! <= 1e-9) continue;
      seen++;
      if (first < 0) first = k;
      else return p.cost[k]! - p.cost[first]!;
    }
    if (seen < roomy) short.mark(i);
    return first < 0 ? -1 : penalty - p.cost[first]!;
  };
  const heap = new MaxHeap();
  for (let i = 0; i < n; i++) if (left[i]! > 0) heap.push(regret(i), i);
  while (heap.size) {
    const [key, i] = heap.pop();
    const now = regret(i);
    if (now < 0) continue; // nowhere left to go: unserved
    if (now < key - 1e-9 && heap.size && heap.topKey() > now) {
      heap.push(now, i);
      continue;
    }
    for (let k = p.start[i]!; k < p.start[i + 1]! && left[i]! > 1e-9; k++) {
      const j = p.facility[k]!;
      const take = Math.min(left[i]!, room[j]!);
      if (take <= 1e-9) continue;
      flow[k]! += take;
      room[j]! -= take;
      if (room[j]! <= 1e-9) roomy--;
      left[i]! -= take;
      // The rest of this point competes again with its new regret (its cheapest just filled).
      if (left[i]! > 1e-9) {
        heap.push(regret(i), i);
        break;
      }
    }
  }
  improve(p, flow, room, penalty, short);
  augmentChains(p, flow, room, penalty, short);
  return summarise(p, flow, 'heuristic', short.list());
}

/**
 * Local improvement of a feasible flow, passes until nothing improves (at most `maxPasses`):
 *  - move: people go to a cheaper option of theirs that has room;
 *  - swap: people at facility a who prefer full facility b trade places with people at b for whom
 *    a costs less than the difference (the two-person exchange the greedy order can miss);
 *  - insert: an unserved person takes the place of someone at a full facility who can move to
 *    room elsewhere for less than the penalty.
 */
function improve(
  p: AssignmentProblem,
  flow: Float64Array,
  room: Float64Array,
  penalty: number,
  short: Shortfall,
  maxPasses = 20,
): void {
  const n = p.demand.length,
    m = p.capacity.length;
  const pointOf = new Int32Array(p.facility.length);
  for (let i = 0; i < n; i++) for (let k = p.start[i]!; k < p.start[i + 1]!; k++) pointOf[k] = i;
  // Option index of (point, facility): a dense table when it fits, else a scan of the point's options.
  const dense = n * m <= 20_000_000 ? new Int32Array(n * m).fill(-1) : undefined;
  if (dense) for (let k = 0; k < p.facility.length; k++) dense[pointOf[k]! * m + p.facility[k]!] = k;
  const optionAt = (i: number, j: number): number => {
    if (dense) return dense[i * m + j]!;
    for (let k = p.start[i]!; k < p.start[i + 1]!; k++) if (p.facility[k] === j) return k;
    return -1;
  };
  // The swap and insert searches are quadratic in the people at a facility: a fixed budget of
  // candidate pairs (deterministic, so the same input gives the same result) bounds them on huge
  // instances, where the greedy order already did most of the work.
  let budget = WORK_BUDGET;
  // Option indices carrying flow, by facility (rebuilt each pass).
  const atFacility = () => {
    const by: number[][] = Array.from({ length: p.capacity.length }, () => []);
    for (let k = 0; k < flow.length; k++) if (flow[k]! > 1e-9) by[p.facility[k]!]!.push(k);
    return by;
  };
  const shift = (from: number, to: number, amount: number) => {
    flow[from]! -= amount;
    flow[to]! += amount;
    room[p.facility[from]!]! += amount;
    room[p.facility[to]!]! -= amount;
  };
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    for (let k = 0; k < flow.length; k++) {
      if (flow[k]! <= 1e-9) continue;
      const i = pointOf[k]!;
      for (let k2 = p.start[i]!; k2 < p.start[i + 1]! && p.cost[k2]! < p.cost[k]! - 1e-12 && flow[k]! > 1e-9; k2++) {
        const amount = Math.min(flow[k]!, room[p.facility[k2]!]!);
        if (amount > 1e-9) {
          shift(k, k2, amount);
          improved = true;
        }
      }
    }
    const by = atFacility();
    for (let k = 0; k < flow.length; k++) {
      if (flow[k]! <= 1e-9) continue;
      const i = pointOf[k]!,
        a = p.facility[k]!;
      for (let kb = p.start[i]!; kb < p.start[i + 1]! && p.cost[kb]! < p.cost[k]! - 1e-12 && flow[k]! > 1e-9; kb++) {
        const b = p.facility[kb]!;
        if ((budget -= by[b]!.length) < 0) return;
        for (const l of by[b]!) {
          if (flow[l]! <= 1e-9 || flow[k]! <= 1e-9) continue;
          const la = optionAt(pointOf[l]!, a);
          if (la < 0) {
            // a may be past l's row, at its last cost or more: would the swap pay even then?
            if (p.cost[kb]! + short.beyond(pointOf[l]!) - p.cost[k]! - p.cost[l]! < -1e-9) short.mark(pointOf[l]!);
            continue;
          }
          const delta = p.cost[kb]! + p.cost[la]! - p.cost[k]! - p.cost[l]!;
          if (delta >= -1e-9) continue;
          const amount = Math.min(flow[k]!, flow[l]!);
          // The new flows join the lists when they are rebuilt next pass (not while they are walked).
          shift(k, kb, amount);
          shift(l, la, amount);
          improved = true;
        }
      }
    }
    // Insert: only facilities with room can take the person who makes way.
    const withRoom: number[] = [];
    for (let j = 0; j < m; j++) if (room[j]! > 1e-9) withRoom.push(j);
    for (let i = 0; i < n && withRoom.length; i++) {
      let left = p.demand[i]!;
      for (let k = p.start[i]!; k < p.start[i + 1]!; k++) left -= flow[k]!;
      for (let ka = p.start[i]!; ka < p.start[i + 1]! && left > 1e-9; ka++) {
        const a = p.facility[ka]!;
        if ((budget -= by[a]!.length * withRoom.length) < 0) return;
        for (const l of by[a]!) {
          if (flow[l]! <= 1e-9 || left <= 1e-9 || p.facility[l] !== a) continue;
          for (const b of withRoom) {
            const lb = optionAt(pointOf[l]!, b);
            if (b === a || room[b]! <= 1e-9 || flow[l]! <= 1e-9 || left <= 1e-9) continue;
            if (lb < 0) {
              if (short.beyond(pointOf[l]!) - p.cost[l]! + p.cost[ka]! - penalty < -1e-9) short.mark(pointOf[l]!);
              continue;
            }
            if (p.cost[lb]! - p.cost[l]! + p.cost[ka]! - penalty >= -1e-9) continue;
            const amount = Math.min(left, flow[l]!, room[b]!);
            shift(l, lb, amount);
            flow[ka]! += amount;
            room[a]! -= amount;
            left -= amount;
            improved = true;
          }
        }
      }
      // Still unserved at the end of its row: options past it would be tried too.
      if (left > 1e-9) short.mark(i);
    }
    if (!improved) break;
  }
}

/**
 * Serve the unserved through chains: an unserved person takes a place at a full facility A whose
 * occupant moves to B, whose occupant moves on … until a facility with room. Chains are shortest
 * paths in the facility graph (edge A→B: the cheapest move of someone at A to B, in extra
 * minutes; Bellman-Ford over the m facilities), taken while cheaper than the penalty. This is
 * the augmenting-path step of min-cost flow at facility level, which the two-person moves above
 * cannot do; the graph is rebuilt after each chain, within the same kind of fixed work budget.
 */
function augmentChains(
  p: AssignmentProblem,
  flow: Float64Array,
  room: Float64Array,
  penalty: number,
  short: Shortfall,
): void {
  const n = p.demand.length,
    m = p.capacity.length;
  const left = new Float64Array(n);
  let anyLeft = false;
  for (let i = 0; i < n; i++) {
    let l = p.demand[i]!;
    for (let k = p.start[i]!; k < p.start[i + 1]!; k++) l -= flow[k]!;
    left[i] = l;
    if (l > 1e-9) anyLeft = true;
  }
  // Nobody unserved, or no room anywhere: no chain to find (and no m × m graph to build).
  if (!anyLeft || !room.some((r) => r > 1e-9)) return;
  const pointOf = new Int32Array(p.facility.length);
  for (let i = 0; i < n; i++) for (let k = p.start[i]!; k < p.start[i + 1]!; k++) pointOf[k] = i;
  const optionOf = new Map<number, Int32Array>();
  const optionAt = (i: number, j: number): number => {
    let row = optionOf.get(i);
    if (!row) {
      row = new Int32Array(m).fill(-1);
      for (let k = p.start[i]!; k < p.start[i + 1]!; k++) row[p.facility[k]!] = k;
      optionOf.set(i, row);
    }
    return row[j]!;
  };
  let budget = WORK_BUDGET;
  // A graph build is charged its size (m × m), not the options it walks, so that the budget runs
  // out at the same point whatever the length of the rows.
  if ((budget -= m * m) < 0) return;
  const cost = new Float64Array(m * m);
  const from = new Int32Array(m * m),
    to = new Int32Array(m * m);
  // Edges: for each (a, b) the cheapest move of someone at a to b, and which options. Rebuilt only
  // when a chain found on it no longer carries anyone (its flows moved since).
  let fresh = false;
  // The options carrying people when the graph was built: its edges are their points' moves.
  let carrying: number[] = [];
  const build = () => {
    cost.fill(Infinity);
    from.fill(-1);
    to.fill(-1);
    carrying = [];
    for (let k = 0; k < p.facility.length; k++) {
      if (flow[k]! <= 1e-9) continue;
      carrying.push(k);
      const a = p.facility[k]!,
        pt = pointOf[k]!;
      for (let k2 = p.start[pt]!; k2 < p.start[pt + 1]!; k2++) {
        const b = p.facility[k2]!;
        const c = p.cost[k2]! - p.cost[k]!;
        if (b !== a && c < cost[a * m + b]!) {
          cost[a * m + b] = c;
          from[a * m + b] = k;
          to[a * m + b] = k2;
        }
      }
    }
    fresh = true;
  };
  const rebuild = () => {
    budget -= m * m;
    build();
  };
  build();
  for (let i = 0; i < n; i++) {
    while (left[i]! > 1e-9) {
      if (budget < 0 || ![...room].some((r) => r > 1e-9)) return;
      budget -= m * m;
      // Bellman-Ford from the point's own options (m − 1 rounds; a negative cycle only stops early).
      const dist = new Float64Array(m).fill(Infinity);
      const pred = new Int32Array(m).fill(-1);
      for (let k = p.start[i]!; k < p.start[i + 1]!; k++)
        dist[p.facility[k]!] = Math.min(dist[p.facility[k]!]!, p.cost[k]!);
      for (let round = 0; round < m - 1; round++) {
        let changed = false;
        for (let a = 0; a < m; a++) {
          if (!Number.isFinite(dist[a]!) || room[a]! > 1e-9) continue; // paths end at the first facility with room
          for (let b = 0; b < m; b++) {
            const d = dist[a]! + cost[a * m + b]!;
            if (d < dist[b]! - 1e-9) {
              dist[b] = d;
              pred[b] = a;
              changed = true;
            }
          }
        }
        if (!changed) break;
      }
      if (p.complete) {
        // The search started from i's row and left every full facility it reached by the moves of
        // the people there: options past those rows could make other paths.
        short.mark(i);
        for (const k of carrying) {
          const a = p.facility[k]!;
          if (Number.isFinite(dist[a]!) && room[a]! <= 1e-9) short.mark(pointOf[k]!);
        }
      }
      let target = -1;
      for (let j = 0; j < m; j++)
        if (room[j]! > 1e-9 && dist[j]! < penalty - 1e-9 && (target < 0 || dist[j]! < dist[target]!)) target = j;
      if (target < 0) break;
      // Walk back to the facility the unserved person enters; the bottleneck is the smallest flow moved.
      const chain: number[] = [];
      const seen = new Set<number>();
      let j = target;
      for (; pred[j]! >= 0 && !seen.has(j); j = pred[j]!) {
        seen.add(j);
        chain.push(pred[j]! * m + j);
      }
      if (pred[j]! >= 0) {
        // A negative cycle: moving people around it shortens trips at no change of any load.
        // Cancel it on a current graph, then search again.
        if (!fresh) {
          rebuild();
          continue;
        }
        const cycle: number[] = [];
        let c = j;
        do {
          cycle.push(pred[c]! * m + c);
          c = pred[c]!;
        } while (c !== j && cycle.length <= m);
        let amount = Infinity;
        for (const e of cycle) amount = Math.min(amount, flow[from[e]!]!);
        if (!(amount > 1e-9) || c !== j) break;
        for (const e of cycle) {
          flow[from[e]!]! -= amount;
          flow[to[e]!]! += amount;
        }
        rebuild();
        continue;
      }
      const entry = j;
      const enter = optionAt(i, entry);
      if (enter < 0) break;
      let amount = Math.min(left[i]!, room[target]!);
      for (const e of chain) amount = Math.min(amount, flow[from[e]!]!);
      if (amount <= 1e-9) {
        if (fresh) break; // no chain even on a current graph: this point stays (partly) unserved
        rebuild();
        continue;
      }
      fresh = false;
      for (const e of chain) {
        flow[from[e]!]! -= amount;
        flow[to[e]!]! += amount;
      }
      flow[enter]! += amount;
      room[target]! -= amount;
      left[i]! -= amount;
    }
  }
}

/**
 * The transportation LP, solved by HiGHS: min Σ cost·x + penalty·Σ u  s.t.  Σ_k x_ik + u_i = w_i,
 * Σ_{i,k: facility j} x_ik ≤ cap_j (finite capacities only), x, u ≥ 0. Undefined when the
 * instance is over the limit or the solver does not report an optimum.
 */
export async function assignExact(p: AssignmentProblem, penalty: number): Promise<Assignment | undefined> {
  const n = p.demand.length;
  if (p.facility.length + n > EXACT_ASSIGNMENT_LIMIT) return undefined;
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

/** The objective both methods minimise, to compare them (the heuristic's gap). */
export function objective(a: Assignment, penalty: number): number {
  return a.travelCost + penalty * a.unserved.reduce((s, x) => s + x, 0);
}
