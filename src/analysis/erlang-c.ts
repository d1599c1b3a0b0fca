/**
 * The M/M/c queue (Erlang C): the chance that a visitor has to wait for a free desk and the mean
 * wait, from the arrival rate, the number of desks and the mean service time.
 *
 * Assumptions (say them wherever the figures are shown): visitors arrive at random (Poisson) at a
 * steady rate over the opening hours, service times are exponential, one queue feeds all desks
 * (a ticket machine), nobody gives up and leaves, and every desk can do every service. Real days
 * have peaks (mornings, before deadlines), so real waits at peak are longer than these averages.
 */

export interface QueueEstimate {
  /** Offered load in erlangs: arrivals per minute × minutes per service. */
  load_erlangs: number;
  /** Share of desk time busy (load / desks); ≥ 1 means the queue grows without end. */
  occupancy: number;
  /** Probability that an arriving visitor waits at all (Erlang C); 1 when unstable. */
  p_wait: number;
  /** Mean wait in minutes before service starts (Infinity when unstable). */
  mean_wait_min: number;
}

/**
 * Erlang C through the Erlang B recursion B(k) = A·B(k−1) / (k + A·B(k−1)), which stays in [0, 1]
 * and so never overflows (the textbook A^c/c! form does beyond ~170 desks), then
 * C = c·B / (c − A·(1 − B)).
 *
 * The cost does not grow with the desks: past k = A the recursion shrinks B by A/k a step, so by
 * k = A + 40·√A + 800 it is below 1e-300 and every later step leaves C at 0 (as a double). The
 * loop stops there, or when B underflows: a load of 10 erlangs costs the same ~900 steps at 1,000
 * desks or at 2^53.
 */
export function erlangC(desks: number, loadErlangs: number): number {
  if (!Number.isInteger(desks) || desks < 1) throw new RangeError(`desks must be a positive integer, got ${desks}`);
  if (loadErlangs <= 0) return 0;
  if (loadErlangs >= desks) return 1;
  const last = Math.min(desks, Math.ceil(loadErlangs + 40 * Math.sqrt(loadErlangs) + 800));
  let b = 1;
  for (let k = 1; k <= last && b > 0; k++) b = (loadErlangs * b) / (k + loadErlangs * b);
  if (last < desks || b === 0) return 0;
  return (desks * b) / (desks - loadErlangs * (1 - b));
}

/** The queue at `desks` desks with `arrivalsPerMin` visitors a minute, each taking `serviceMin` minutes on average. */
export function mmc(desks: number, arrivalsPerMin: number, serviceMin: number): QueueEstimate {
  const load = arrivalsPerMin * serviceMin;
  const occupancy = load / desks;
  if (load >= desks) return { load_erlangs: load, occupancy, p_wait: 1, mean_wait_min: Infinity };
  const p = erlangC(desks, load);
  // Mean wait Wq = C / (c·μ − λ) = C · service / (c − A).
  return { load_erlangs: load, occupancy, p_wait: p, mean_wait_min: (p * serviceMin) / (desks - load) };
}
