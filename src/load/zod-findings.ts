/** Turns zod validation issues into findings a planner can act on (with "did you mean" for keys and enums). */
import type { z } from 'zod';
import type { Finding } from '../model/diagnostic.js';
import { didYouMean } from '../model/suggest.js';

type AnySchema = z.ZodType;

/** The object keys the schema allows at `path` (for "did you mean" on unknown keys). */
function keysAt(schema: AnySchema, path: readonly PropertyKey[]): string[] {
  // biome-ignore lint/suspicious/noExplicitAny: walks zod's internal definitions, which have no public type
  let s: any = schema;
  const unwrap = () => {
    while (s?._zod?.def && ['optional', 'default', 'nullable', 'prefault'].includes(s._zod.def.type))
      s = s._zod.def.innerType;
  };
  unwrap();
  for (const seg of path) {
    if (s?._zod?.def?.type === 'array') s = s._zod.def.element;
    else if (s?._zod?.def?.type === 'object') s = s._zod.def.shape[seg as string];
    else return [];
    unwrap();
  }
  return s?._zod?.def?.type === 'object' ? Object.keys(s._zod.def.shape) : [];
}

/**
 * What was found, for "must be X, not Y". With `quote: false` (a file the plan names but that is
 * not a plan, such as a road profile, may be any file on the machine) only its kind is named.
 */
function describeValue(value: unknown, quote = true): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (!quote) return typeof value === 'string' ? 'a text' : `a ${typeof value}`;
  if (typeof value === 'string') return `the text '${value}'`;
  return `${typeof value} ${String(value)}`;
}

/** zod's type names in the words of a YAML file. */
const EXPECTED: Record<string, string> = {
  int: 'a whole number',
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
};

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  // biome-ignore lint/suspicious/noExplicitAny: walks an unvalidated YAML value by path
  let v: any = root;
  for (const seg of path) v = v?.[seg as string];
  return v;
}

const label = (path: readonly PropertyKey[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('') ||
  'the top level';

const missing = (path: readonly PropertyKey[]) =>
  `missing required field '${label(path.slice(-1))}' in ${label(path.slice(0, -1))}`;

export function zodFindings(
  error: z.ZodError,
  schema: AnySchema,
  input: unknown,
  o: { quote?: boolean } = {},
): Finding[] {
  const quote = o.quote ?? true;
  const describe = (v: unknown) => describeValue(v, quote);
  const out: Finding[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const got = valueAt(input, path);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const allowed = keysAt(schema, path);
          const hint = didYouMean(key, allowed) || ` Allowed keys: ${allowed.join(', ')}.`;
          out.push({
            path: [...path, key],
            atKey: true,
            severity: 'error',
            code: 'unknown-key',
            message: quote
              ? `unknown key '${key}' in ${label(path)}.${hint}`
              : `unknown key in ${label(path)}. Allowed keys: ${allowed.join(', ')}.`,
          });
        }
        break;
      case 'invalid_type':
        if (got === undefined) {
          out.push({ path: path.slice(0, -1), severity: 'error', code: 'missing-field', message: missing(path) });
        } else if (typeof got === 'number' && !Number.isFinite(got)) {
          out.push({
            path,
            severity: 'error',
            code: 'wrong-type',
            message: `${label(path)} must be a finite number${quote ? `, not ${got}` : ''}`,
          });
        } else {
          out.push({
            path,
            severity: 'error',
            code: 'wrong-type',
            message:
              `${label(path)} must be ` + `${EXPECTED[issue.expected] ?? `a ${issue.expected}`}, not ${describe(got)}`,
          });
        }
        break;
      case 'invalid_union':
        if (got === undefined) {
          out.push({ path: path.slice(0, -1), severity: 'error', code: 'missing-field', message: missing(path) });
          break;
        }
        out.push({
          path,
          severity: 'error',
          code: 'wrong-type',
          message: `${label(path)} must be a date written YYYY, YYYY-MM or YYYY-MM-DD, not ${describe(got)}`,
        });
        break;
      case 'invalid_value': {
        if (got === undefined) {
          const message = `${missing(path)} (one of ${issue.values.map(String).join(', ')})`;
          out.push({ path: path.slice(0, -1), severity: 'error', code: 'missing-field', message });
          break;
        }
        const allowed = issue.values.map(String);
        out.push({
          path,
          severity: 'error',
          code: 'invalid-value',
          message:
            `${label(path)} must be one of ${allowed.join(', ')}; got ` +
            `${describe(got)}.${quote ? didYouMean(String(got), allowed) : ''}`,
        });
        break;
      }
      case 'too_small':
      case 'too_big':
        out.push({
          path,
          severity: 'error',
          code: 'out-of-range',
          message: `${label(path)}: ${issue.message.replace(/^Too (small|big): expected \w+ to (be |have )?/, 'must be ')}${quote && typeof got === 'number' ? `, not ${got}` : ''}`,
        });
        break;
      default:
        out.push({
          path,
          severity: 'error',
          code: 'invalid',
          message: `${label(path)}: ${quote ? issue.message : 'not a valid value'}`,
        });
    }
  }
  return out;
}
