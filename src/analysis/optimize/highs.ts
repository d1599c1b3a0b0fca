/**
 * The HiGHS MILP/LP solver (npm `highs`, WebAssembly: no native build, no network), loaded once
 * and only by the analyses that solve exactly.
 */
import { createRequire } from 'node:module';

export interface HighsSolution {
  Status: string;
  ObjectiveValue: number;
  Columns: Record<string, { Primal: number }>;
}

let solver: Promise<{ solve(lp: string): HighsSolution }> | undefined;

export function highs(): Promise<{ solve(lp: string): HighsSolution }> {
  const require = createRequire(import.meta.url);
  return (solver ??= (require('highs') as () => Promise<{ solve(lp: string): HighsSolution }>)());
}
