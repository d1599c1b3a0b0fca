/** A parsed YAML source with the positions of its nodes, whichever parser read it. */
import type { Diagnostic } from '../model/diagnostic.js';

export interface Position {
  file: string;
  line: number;
  column: number;
}

export interface YamlSource {
  file: string;
  /** The parsed value, or undefined when the file has syntax errors. */
  value: unknown;
  diagnostics: Diagnostic[];
  /** Position of the value (or, with atKey, the key) at a path; falls back to the nearest existing parent. */
  locate(path: readonly (string | number)[], atKey?: boolean): Position;
  has(path: readonly (string | number)[]): boolean;
}
