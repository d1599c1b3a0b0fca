/**
 * Money: what a site or facility costs (build cost once, running cost a year, in manat) and how
 * much of it counts against a budget: the build cost, plus the running cost of the first `years`
 * years when the planner asks for a horizon.
 */
import { UserError } from '../../errors.js';
import { said } from '../../model/said.js';

/** Costs in manat (AZN) as a candidate file or a plan states them. */
export interface SiteCosts {
  build_cost?: number;
  yearly_cost?: number;
  /** Where the figures come from, or why they were assumed. */
  cost_source?: string;
  /** Where the build cost was read ("file:line:column" of its cell), for messages. */
  where?: string;
  /** Where the yearly cost was read (its cell). */
  yearlyWhere?: string;
}

/** A money budget: `azn` in manat, against build costs plus `years` years of running costs. */
export interface MoneyBudget {
  azn: number;
  years: number;
}

/** What a budget counted and what the answer spent, for every output. */
export interface BudgetUse {
  budget_azn: number;
  /** Years of running cost counted with the build cost (0: build cost only). */
  years: number;
  counted: string;
  spent_azn: number;
}

/** The greatest cost or budget accepted: beyond it a figure is a typo (a trillion manat). */
export const MAX_AZN = 1e12;

/**
 * How far over an amount a sum of costs may go and still count as within it: a billionth of it
 * (a hundredth of a manat on 10 million), so sums of decimals fit as written, and a budget of a
 * few openings (costs of 1) stays exact.
 */
export const costTolerance = (amount: number): number => 1e-9 * Math.max(1, Math.abs(amount));

export function countedText(years: number): string {
  return years > 0
    ? `build cost + ${years} year${years === 1 ? '' : 's'} of running cost`
    : 'build cost only (running costs not counted)';
}

/**
 * Each candidate's cost as counted against the budget. Every candidate needs a build cost (and a
 * yearly cost when years of running cost count): a site without one would look free.
 */
export function countedCosts(items: readonly { name: string; costs?: SiteCosts }[], b: MoneyBudget): Float64Array {
  return Float64Array.from(items, (c) => {
    const at = c.costs?.where ? `${c.costs.where}: ` : '';
    const yearlyAt = c.costs?.yearlyWhere ? `${c.costs.yearlyWhere}: ` : at;
    const build = c.costs?.build_cost;
    if (build === undefined) throw new UserError(said('refuse.site_no_build_cost', { at, name: c.name }), 1);
    if (b.years === 0) return build;
    const yearly = c.costs?.yearly_cost;
    if (yearly === undefined)
      throw new UserError(said('refuse.site_no_yearly_cost', { at: yearlyAt, name: c.name, years: b.years }), 1);
    return build + b.years * yearly;
  });
}

export function budgetUse(b: MoneyBudget, cost: Float64Array, sites: readonly number[]): BudgetUse {
  return {
    budget_azn: b.azn,
    years: b.years,
    counted: countedText(b.years),
    spent_azn: Math.round(sites.reduce((a, j) => a + cost[j]!, 0) * 100) / 100,
  };
}
