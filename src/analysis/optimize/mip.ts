/**
 * A MILP solved by HiGHS with its proof: the incumbent, the dual bound and the gap between them.
 * The search is limited by a number of branch-and-bound nodes, never by time, so the same model
 * gives the same answer on every machine; when the limit stops it, the incumbent comes back with
 * the bound HiGHS proved, and the caller states the gap.
 */
import { createRequire } from 'node:module';

interface MipModel {
  options: { set(name: string, value: number | boolean | string): void };
  info: { get(name: string): number | bigint };
  run(): unknown;
  getModelStatus(): number;
  getObjectiveValue(): number;
  getSolution(): { colValue: Float64Array };
  getColName(index: number): string;
  dispose(): void;
}

interface HighsRuntime {
  createModel(source: { format: 'lp'; data: string }): MipModel;
}

let runtime: Promise<HighsRuntime> | undefined;

function highsRuntime(): Promise<HighsRuntime> {
  const require = createRequire(import.meta.url);
  return (runtime ??= (require('highs') as () => Promise<HighsRuntime>)());
}

export interface MipResult {
  /** optimal: proven (relative gap 0); limit: stopped by the node limit with a solution. */
  status: 'optimal' | 'limit';
  objective: number;
  /** HiGHS's dual bound on the objective (equal to it when optimal). */
  bound: number;
  /** Column values by name. */
  values: Map<string, number>;
}

const OPTIMAL = 7;
/** HiGHS's primal_solution_status for a feasible point. */
const FEASIBLE = 2;

/** Solves CPLEX-LP text; undefined when HiGHS finds no solution within `maxNodes` (or the model is infeasible). */
export async function solveMip(lp: string, maxNodes: number): Promise<MipResult | undefined> {
  const model = (await highsRuntime()).createModel({ format: 'lp', data: lp });
  try {
    model.options.set('output_flag', false);
    model.options.set('mip_rel_gap', 0);
    model.options.set('mip_abs_gap', 1e-6);
    model.options.set('mip_max_nodes', maxNodes);
    model.run();
    const status = model.getModelStatus();
    if (status !== OPTIMAL && Number(model.info.get('primal_solution_status')) !== FEASIBLE) return undefined;
    const objective = model.getObjectiveValue();
    const bound = status === OPTIMAL ? objective : Number(model.info.get('mip_dual_bound'));
    const { colValue } = model.getSolution();
    const values = new Map<string, number>();
    colValue.forEach((v, k) => values.set(model.getColName(k), v));
    return { status: status === OPTIMAL ? 'optimal' : 'limit', objective, bound, values };
  } finally {
    model.dispose();
  }
}
