/**
 * The transportation problem of capacitated catchments (capacitated-assignment.ts), solved exactly
 * at any size by successive shortest paths — min-cost flow with node potentials — on a graph of
 * facilities rather than of points.
 *
 * Everyone starts at their cheapest option: the optimum when capacities are ignored (every reduced
 * cost ≥ 0 with all prices 0). Facilities over capacity hold excess; facilities with room, and
 * "unserved", take it. Each step moves people along the cheapest chain from an overfull facility to
 * one with room (or to unserved): the people at a for whom b costs least extra move to b, people
 * at b move on to c, and so on. Facility prices β (the duals of the capacities) keep every move's
 * reduced cost ≥ 0, so Dijkstra finds the chain; prices rise only on full facilities and stay 0
 * where there is room. A move a → b by a person of point i costs c_ib − c_ia, a constant of the
 * point, so each pair (a, b) keeps a heap of its points by that constant: a chain search visits
 * facilities, not points, and only the facilities near the excess.
 *
 * At the end a point's price is α_i = c_ia + β_a for any facility a it uses (the penalty when it is
 * left unserved). An option missing from an incomplete row costs at least the row's last, so when
 * α_i is no more it cannot pay: the solution is then the optimum over every option. The others are
 * reported in `short`, and capacity-rows.ts fetches their rows longer.
 */
import { summarise, type Assignment, type AssignmentProblem } from './capacitated-assignment.js';

/** Flows below this many people are taken as zero (people are counted in floats). */
const EPS = 1e-9;
/** Up to this many facilities over capacity, a search starts from all of them (see solve). */
const MULTI_SOURCE = 64;

/** `to` is packed beside `from` as to − from + TO_OFFSET in the low bits, 0 for -1 (see MoveHeap). */
const TO_BITS = 2 ** 21;
const TO_OFFSET = 2 ** 20;

/**
 * A binary min-heap of (key, from, to) with the smaller `from` first on ties, so the chains taken,
 * and the result, are deterministic: moves (extra cost, from option, to option), and Dijkstra's
 * queue (distance, node, -1). One array of doubles, two per entry: the key, and from and to packed
 * in one whole number (from · 2^21 + to − from + 2^20, or from · 2^21 when to is -1; a move's two
 * options are in one row, less than 2^20 apart). A million points' moves took 240 MB in three
 * arrays per heap (key, from, to: 8 bytes each, and three arrays' headers per pair of facilities).
 */
class MoveHeap {
  private readonly data: number[] = [];
  get size(): number {
    return this.data.length >> 1;
  }
  /** The least entry's key, from and to. */
  get key(): number {
    return this.data[0]!;
  }
  get from(): number {
    return Math.floor(this.data[1]! / TO_BITS);
  }
  get to(): number {
    const from = Math.floor(this.data[1]! / TO_BITS),
      low = this.data[1]! - from * TO_BITS;
    return low === 0 ? -1 : low - TO_OFFSET + from;
  }
  private less(a: number, b: number): boolean {
    const d = this.data;
    return (
      d[2 * a]! < d[2 * b]! ||
      (d[2 * a] === d[2 * b] && Math.floor(d[2 * a + 1]! / TO_BITS) < Math.floor(d[2 * b + 1]! / TO_BITS))
    );
  }
  private swap(a: number, b: number): void {
    const d = this.data;
    const k = d[2 * a]!,
      f = d[2 * a + 1]!;
    d[2 * a] = d[2 * b]!;
    d[2 * a + 1] = d[2 * b + 1]!;
    d[2 * b] = k;
    d[2 * b + 1] = f;
  }
  clear(): void {
    this.data.length = 0;
  }
  push(key: number, from: number, to: number): void {
    this.data.push(key, from * TO_BITS + (to < 0 ? 0 : to - from + TO_OFFSET));
    for (let c = this.size - 1; c > 0; ) {
      const p = (c - 1) >> 1;
      if (!this.less(c, p)) break;
      this.swap(c, p);
      c = p;
    }
  }
  pop(): void {
    const last = this.size - 1;
    this.swap(0, last);
    this.data.length -= 2;
    const size = this.size;
    for (let p = 0; ; ) {
      const l = 2 * p + 1,
        r = l + 1;
      let b = p;
      if (l < size && this.less(l, b)) b = l;
      if (r < size && this.less(r, b)) b = r;
      if (b === p) return;
      this.swap(p, b);
      p = b;
    }
  }
}

/**
 * The optimal capacitated assignment of the problem's rows (min Σ people × cost + penalty × Σ
 * unserved), with the points whose incomplete rows might hold a better option in `short`.
 */
export function assignFlow(p: AssignmentProblem, penalty: number): Assignment {
  return new FlowSolver(p, penalty).solve();
}

/** Moves out of one facility: a heap per destination (parallel arrays; `slot` finds one). */
interface Moves {
  to: number[];
  heap: MoveHeap[];
  slot: Map<number, number>;
}

class FlowSolver {
  private readonly n: number;
  private readonly m: number;
  /** Node m: the unserved. */
  private readonly U: number;
  private readonly flow: Float64Array;
  /** Options of each facility (indices into the problem's options), in compressed rows. */
  private readonly atStart: Int32Array;
  private readonly atOption: Int32Array;
  /** People over capacity per facility, and room left (Infinity for "unserved" and the unlimited). */
  private readonly excess: Float64Array;
  private readonly room: Float64Array;
  /** Prices: the duals of the capacities (0 where there is room). */
  private readonly beta: Float64Array;
  /** Moves out of each facility, built when the facility is first searched. */
  private readonly moves: (Moves | undefined)[];
  private readonly sources: number[] = [];
  // Search state, per node.
  private readonly dist: Float64Array;
  private readonly done: Uint8Array;
  private readonly predNode: Int32Array;
  private readonly predFrom: Int32Array;
  private readonly predTo: Int32Array;
  /** Nodes a search labelled (to reset), and its queue. */
  private readonly touched: number[] = [];
  private readonly heap = new MoveHeap();

  constructor(
    private readonly p: AssignmentProblem,
    private readonly penalty: number,
  ) {
    const n = p.demand.length,
      m = p.capacity.length;
    this.n = n;
    this.m = m;
    this.U = m;
    const K = p.facility.length;
    // A row never holds more options than there are facilities: under 2^20, the moves' packing holds.
    if (m >= TO_OFFSET) throw new RangeError(`assignFlow: ${m} facilities, at most ${TO_OFFSET - 1}`);
    this.flow = new Float64Array(K);
    const load = new Float64Array(m);
    const count = new Int32Array(m + 1);
    for (let i = 0; i < n; i++) {
      for (let k = p.start[i]!; k < p.start[i + 1]!; k++) {
        count[p.facility[k]! + 1]!++;
      }
      // Everyone at their cheapest option (rows are in cost order).
      if (p.demand[i]! > 0 && p.start[i]! < p.start[i + 1]!) {
        this.flow[p.start[i]!] = p.demand[i]!;
        load[p.facility[p.start[i]!]!]! += p.demand[i]!;
      }
    }
    for (let j = 0; j < m; j++) count[j + 1]! += count[j]!;
    this.atStart = Int32Array.from(count);
    this.atOption = new Int32Array(K);
    const fill = count.subarray(0, m).slice();
    for (let k = 0; k < K; k++) this.atOption[fill[p.facility[k]!]!++] = k;
    this.excess = new Float64Array(m);
    this.room = new Float64Array(m + 1);
    for (let j = 0; j < m; j++) {
      const over = load[j]! - p.capacity[j]!;
      if (over > EPS) {
        this.excess[j] = over;
        this.sources.push(j);
      } else this.room[j] = -over;
    }
    this.room[this.U] = Infinity;
    this.beta = new Float64Array(m + 1);
    this.moves = new Array(m);
    this.dist = new Float64Array(m + 1).fill(Infinity);
    this.done = new Uint8Array(m + 1);
    this.predNode = new Int32Array(m + 1).fill(-1);
    this.predFrom = new Int32Array(m + 1);
    this.predTo = new Int32Array(m + 1);
  }

  /**
   * Successive shortest paths. With few facilities over capacity, each search starts from all of
   * them and finds the cheapest chain of all (fewest moves undone later); with many, it starts from
   * one, so that it stays near it (it ends at the first facility with room) rather than costing
   * every facility over capacity each time. Both keep the flow optimal for what it has moved.
   */
  solve(): Assignment {
    while (this.sources.length) {
      const many = this.sources.length > MULTI_SOURCE;
      const target = this.search(many ? [this.sources[this.sources.length - 1]!] : this.sources);
      if (target < 0) break; // unreachable: every facility with people has a move to "unserved"
      const source = this.augment(target);
      if (this.excess[source]! <= EPS) this.sources.splice(this.sources.indexOf(source), 1);
    }
    return { ...summarise(this.p, this.flow, 'flow', this.short()), prices: this.beta.slice(0, this.m) };
  }

  /** The cheapest move out of a to its k-th destination still possible (-1: none). */
  private top(out: Moves, q: number): number {
    const h = out.heap[q]!;
    // Entries whose people have since left a are dropped.
    while (h.size && this.flow[h.from]! <= EPS) h.pop();
    return h.size ? 0 : -1;
  }

  /**
   * Dijkstra from the facilities `from` (a super-source whose price is the least of theirs, so
   * each starts at its own price above it) to the nearest node with room, then new prices
   * (β += D − min(d, D)): reduced costs stay ≥ 0 and are 0 along the chain found, and nodes with
   * room keep price 0. The node with room reached (-1: none can be).
   */
  private search(from: readonly number[]): number {
    const { dist, done, predNode, predFrom, predTo, beta, touched, heap } = this;
    heap.clear();
    let least = Infinity;
    for (const s of from) least = Math.min(least, beta[s]!);
    for (const s of from) {
      dist[s] = beta[s]! - least;
      predNode[s] = -1;
      touched.push(s);
      heap.push(dist[s]!, s, -1);
    }
    let D = -1,
      target = -1;
    while (heap.size) {
      const du = heap.key,
        u = heap.from;
      heap.pop();
      if (done[u] || du > dist[u]!) continue;
      done[u] = 1;
      if (this.room[u]! > EPS) {
        D = du;
        target = u;
        break;
      }
      const out = this.movesOut(u);
      for (let q = 0; q < out.to.length; q++) {
        const b = out.to[q]!;
        if (done[b] || this.top(out, q) < 0) continue;
        const h = out.heap[q]!;
        const nd = du + Math.max(0, h.key + beta[b]! - beta[u]!);
        if (nd < dist[b]!) {
          if (dist[b] === Infinity) touched.push(b);
          dist[b] = nd;
          predNode[b] = u;
          predFrom[b] = h.from;
          predTo[b] = h.to;
          heap.push(nd, b, -1);
        }
      }
    }
    for (const v of touched) {
      if (D >= 0 && done[v] && dist[v]! < D) beta[v]! += D - dist[v]!;
      dist[v] = Infinity;
      done[v] = 0;
    }
    touched.length = 0;
    return target;
  }

  /** Moves people along the chain ending at `target`: as many as its tightest link allows. Its source. */
  private augment(target: number): number {
    const { predNode, predFrom, predTo } = this;
    let amount = this.room[target]!;
    let v = target;
    for (; predNode[v]! >= 0; v = predNode[v]!) amount = Math.min(amount, this.flow[predFrom[v]!]!);
    const source = v;
    amount = Math.min(amount, this.excess[source]!);
    for (v = target; predNode[v]! >= 0; v = predNode[v]!) {
      const from = predFrom[v]!,
        to = predTo[v]!;
      this.flow[from] = this.flow[from]! - amount <= EPS ? 0 : this.flow[from]! - amount;
      if (to < 0) continue; // to unserved: summarise counts what no option carries
      const before = this.flow[to]!;
      this.flow[to] = before + amount;
      if (before <= EPS) this.arrive(to);
    }
    this.room[target]! -= amount;
    this.excess[source]! -= amount;
    return source;
  }

  /** The moves out of facility a, built from the people there when first asked for. */
  private movesOut(a: number): Moves {
    let out = this.moves[a];
    if (!out) {
      out = { to: [], heap: [], slot: new Map() };
      this.moves[a] = out;
      for (let q = this.atStart[a]!; q < this.atStart[a + 1]!; q++) {
        const k = this.atOption[q]!;
        if (this.flow[k]! > EPS) this.addMoves(out, k);
      }
    }
    return out;
  }

  /** People arrived on option k: their moves join its facility's heaps (if built). */
  private arrive(k: number): void {
    const out = this.moves[this.p.facility[k]!];
    if (out) this.addMoves(out, k);
  }

  private addMoves(out: Moves, k: number): void {
    const { p } = this;
    const i = pointOfOption(p.start, k);
    const heapTo = (b: number) => {
      let q = out.slot.get(b);
      if (q === undefined) {
        q = out.to.length;
        out.slot.set(b, q);
        out.to.push(b);
        out.heap.push(new MoveHeap());
      }
      return out.heap[q]!;
    };
    for (let k2 = p.start[i]!; k2 < p.start[i + 1]!; k2++)
      if (k2 !== k) heapTo(p.facility[k2]!).push(p.cost[k2]! - p.cost[k]!, k, k2);
    heapTo(this.U).push(this.penalty - p.cost[k]!, k, -1);
  }
  /**
   * Points with an incomplete row whose price exceeds what an option past the row may cost: at
   * least the row's last cost plus the least price of any facility (0 while one has room).
   */
  private short(): Int32Array<ArrayBuffer> {
    const { p } = this;
    if (!p.complete) return new Int32Array(0);
    let least = Infinity;
    for (let j = 0; j < this.m; j++) least = Math.min(least, this.beta[j]!);
    if (!Number.isFinite(least)) least = 0;
    const out: number[] = [];
    for (let i = 0; i < this.n; i++) {
      if (p.complete[i] || !(p.demand[i]! > 0)) continue;
      const first = p.start[i]!,
        end = p.start[i + 1]!;
      if (first === end) {
        out.push(i);
        continue;
      }
      let served = 0,
        price = 0;
      for (let k = first; k < end; k++)
        if (this.flow[k]! > EPS) {
          served += this.flow[k]!;
          price = Math.max(price, p.cost[k]! + this.beta[p.facility[k]!]!);
        }
      if (served < p.demand[i]! - EPS * Math.max(1, p.demand[i]!)) price = this.penalty;
      const beyond = p.cost[end - 1]! + least;
      if (price > beyond + 1e-9 * Math.max(1, beyond)) out.push(i);
    }
    return Int32Array.from(out);
  }
}

/**
 * The point whose row holds option k: the last i with start[i] ≤ k (binary search; rows may be
 * empty). Found when a move is built rather than kept for every option (4 bytes an option: 40 MB
 * on a million points' rows).
 */
function pointOfOption(start: Int32Array, k: number): number {
  let lo = 0,
    hi = start.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (start[mid]! <= k) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
