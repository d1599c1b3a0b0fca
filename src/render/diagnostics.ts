import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { printable } from './printable.js';
import type { Style } from './style.js';
import { ENGLISH, type Locale } from '../model/locale.js';

export type DiagnosticFormat = 'text' | 'json' | 'github';

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

/** `files` counts the files checked; `unreadable` those that could not be read at all (reported on stderr). */
export function summaryLine(
  errors: number,
  warnings: number,
  files: number,
  unreadable = 0,
  waived = 0,
  L: Locale = ENGLISH,
): string {
  if (L.lang !== 'en') {
    // Azerbaijani nouns after a number stay singular: "2 xəta", "1 fayl".
    const tail = unreadable ? L.t('validate.unreadable', { n: unreadable }) : '';
    const accepted = waived ? L.t('validate.waived_count', { n: waived }) : '';
    return L.t('validate.summary', { errors, warnings, accepted, files, tail });
  }
  const tail = unreadable ? `; ${plural(unreadable, 'file')} could not be read` : '';
  const accepted = waived ? ` (${waived} waived)` : '';
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}${accepted} in ${plural(files, 'file')}${tail}`;
}

/** Errors, warnings that count, and warnings the plan waived with a reason (they count for nothing). */
export function tally(ds: Diagnostic[]): { errors: number; warnings: number; waived: number } {
  const errors = ds.filter((d) => d.severity === 'error').length;
  const waived = ds.filter((d) => d.waived !== undefined).length;
  return { errors, warnings: ds.length - errors - waived, waived };
}

/** Renders validation results; every format ends with (or contains) the counts. */
export function renderDiagnostics(
  ds: Diagnostic[],
  files: number,
  format: DiagnosticFormat,
  style: Style,
  unreadable = 0,
  env: NodeJS.ProcessEnv = process.env,
  L: Locale = ENGLISH,
): string {
  const { errors, warnings, waived } = tally(ds);
  const summary = summaryLine(errors, warnings, files, unreadable, waived, L);
  if (format === 'json')
    return `${JSON.stringify({ errors, warnings, waived, files, unreadable, diagnostics: ds.map(machineDiagnostic) }, null, 2)}\n`;
  if (format === 'github') {
    // GitHub Actions workflow commands; message text must escape %, CR and LF.
    const esc = (s: string) => printable(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
    const prop = (s: string) => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
    return (
      ds
        .map(
          (d) =>
            `::${d.waived !== undefined ? 'notice' : d.severity} file=${prop(annotationPath(d.file, env))},` +
            `line=${d.line},col=${d.column},title=${prop(d.code)}${d.waived !== undefined ? ' (waived)' : ''}::` +
            esc(withReason(d, L)),
        )
        .join('\n') + (ds.length ? '\n' : '')
    );
  }
  const lines = ds.map((d) => {
    const sev =
      d.severity === 'error'
        ? style.red(L.t('validate.error'))
        : d.waived !== undefined
          ? style.dim(L.t('validate.waived'))
          : style.yellow(L.t('validate.warning'));
    return (
      `${style.bold(`${printable(d.file)}:${d.line}:${d.column}`)}: ${sev} ` +
      `${printable(withReason(d, L))} ${style.dim(`[${d.code}]`)}`
    );
  });
  lines.push(errors ? style.red(summary) : warnings ? style.yellow(summary) : style.green(summary));
  return `${lines.join('\n')}\n`;
}

/**
 * GitHub attaches an annotation to a file by its path from the repository root (GITHUB_WORKSPACE),
 * not from the directory the step ran in; outside a workflow, or for a file outside the workspace,
 * the path stays as shown elsewhere.
 */
export function annotationPath(file: string, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const ws = env.GITHUB_WORKSPACE;
  if (!ws) return file;
  const rel = relative(resolve(ws), resolve(cwd, file));
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel.split(sep).join('/');
}

/**
 * A finding's message in the run's language (English where it has no catalogue message), a waived
 * warning's with the planner's reason after it.
 */
function withReason(d: Diagnostic, L: Locale): string {
  const message = L.lang !== 'en' && d.said ? L.say(d.said) : d.message;
  return d.waived === undefined ? message : L.t('validate.waived_reason', { message, reason: d.waived });
}

/** JSON is read by programs: the English message, without the catalogue form. */
export function machineDiagnostic({ said: _, ...d }: Diagnostic): Omit<Diagnostic, 'said'> {
  return d;
}
