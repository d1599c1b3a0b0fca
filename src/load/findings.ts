/**
 * A loader's refusal as findings, for a caller that keeps running (the server, a test): the CLI
 * prints a UserError and exits, a server answers with the same problem as a Diagnostic at its
 * file, line and column and goes on. The loaders throw; `attempt` catches what the user can fix
 * and gives it back as findings, and lets a bug through.
 */
import { InputError, InvalidPlanError, UserError } from '../errors.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Said } from '../model/said.js';

export interface Place {
  file: string;
  line: number;
  column: number;
}

/**
 * Where an InputError is: "file:line:column", "file:line", a workbook's "file: sheet S, row R[,
 * column C]", else the whole text is the file (line 1, column 1).
 */
export function placeOf(where: string): Place {
  const sheet = /^(.*?): sheet .*, row (\d+)(?:, column ([A-Z]+))?$/.exec(where);
  if (sheet) return { file: sheet[1]!, line: Number(sheet[2]), column: sheet[3] ? columnNumber(sheet[3]) : 1 };
  const text = /^(.*?):(\d+)(?::(\d+))?$/.exec(where);
  if (text) return { file: text[1]!, line: Number(text[2]), column: Number(text[3] ?? 1) };
  return { file: where, line: 1, column: 1 };
}

/** "B" → 2, "AA" → 27. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}

/**
 * The findings an error stands for: a plan's diagnostics, an input's problem at its place, another
 * refusal (a flag, a missing option) at no place; undefined for anything else, which is a bug.
 */
export function findingsOf(e: unknown): Diagnostic[] | undefined {
  if (e instanceof InvalidPlanError) return e.diagnostics;
  if (e instanceof InputError)
    return [
      { ...placeOf(e.where), severity: 'error', code: 'unreadable', message: e.problem, ...saidOf(e.problemSaid) },
    ];
  if (e instanceof UserError)
    return [
      { file: '', line: 1, column: 1, severity: 'error', code: 'refused', message: e.message, ...saidOf(e.said) },
    ];
  return undefined;
}

/** A finding's catalogue message, when the refusal was given as one (so it can be said in Azerbaijani). */
const saidOf = (s: Said | undefined) => (s ? { said: s } : {});

export type Attempt<T> = { ok: true; value: T } | { ok: false; findings: Diagnostic[] };

/** Runs a loader: its value, or the findings of a refusal; a bug is thrown on. */
export async function attempt<T>(load: () => T | Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await load() };
  } catch (e) {
    const findings = findingsOf(e);
    if (!findings) throw e;
    return { ok: false, findings };
  }
}
