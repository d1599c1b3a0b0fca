/** Turns zod validation issues into findings a planner can act on (with "did you mean" for keys and enums). */
import type { z } from 'zod';
import type { Finding } from '../model/diagnostic.js';
import { en, type MessageKey } from '../model/messages/en.js';
import { english, type Said, type SaidParam, said } from '../model/said.js';
import { didYouMeanSaid } from '../model/suggest.js';

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
function describeValue(value: unknown, quote = true): SaidParam {
  if (value === undefined) return said('zod.nothing');
  if (value === null) return 'null';
  if (Array.isArray(value)) return said('zod.a_list');
  if (typeof value === 'object') return said('zod.a_mapping');
  if (!quote) return typeof value === 'string' ? said('zod.a_text') : said('zod.a_type', { type: typeName(value) });
  if (typeof value === 'string') return said('zod.the_text', { value });
  return said('zod.typed', { type: typeName(value), value: String(value) });
}

/** number and boolean in words of the run's language; other kinds (bigint…) as JavaScript names them. */
const typeName = (value: unknown): SaidParam =>
  typeof value === 'number'
    ? said('zod.type.number')
    : typeof value === 'boolean'
      ? said('zod.type.boolean')
      : typeof value;

/** zod's type names in the words of a YAML file. */
const EXPECTED: Record<string, Said> = {
  int: said('zod.expected.int'),
  number: said('zod.expected.number'),
  string: said('zod.expected.string'),
  boolean: said('zod.expected.boolean'),
  object: said('zod.a_mapping'),
  array: said('zod.a_list'),
};

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  // biome-ignore lint/suspicious/noExplicitAny: walks an unvalidated YAML value by path
  let v: any = root;
  for (const seg of path) v = v?.[seg as string];
  return v;
}

/** A place in the plan, centers[1].location.lat, as code (in Azerbaijani text, between backticks). */
function label(path: readonly PropertyKey[], top: Said = said('zod.top_level')): Said {
  const text = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
  return text ? said('zod.path', { path: text }) : top;
}

const missing = (path: readonly PropertyKey[], top?: Said): Said =>
  said('zod.missing', { field: label(path.slice(-1)), parent: label(path.slice(0, -1), top) });

/** The schema's own rules (model/plan.ts), written as the English of a `zod.rule.*` message. */
const RULES = new Map(
  (Object.keys(en) as MessageKey[]).filter((k) => k.startsWith('zod.rule.')).map((k) => [en[k] as string, k]),
);

/** A rule the schema wrote as the message so it is said in the run's language; zod's own wording as it is. */
function ruleOf(message: string): SaidParam {
  const key = RULES.get(message);
  return key ? said(key) : message;
}

/** zod's "Too small: expected number to be >=0" as "must be >=0"; the schema's own rules said; another as zod wrote it. */
function rangeRule(message: string): SaidParam {
  const m = /^Too (small|big): expected \w+ to (be |have )?(.*)$/s.exec(message);
  return m ? said('zod.must_be_rule', { rule: m[3]! }) : ruleOf(message);
}

export function zodFindings(
  error: z.ZodError,
  schema: AnySchema,
  input: unknown,
  o: { quote?: boolean; top?: Said } = {},
): Finding[] {
  const quote = o.quote ?? true;
  // What the value as a whole is called: the top level of a file, or a request's body.
  const at = (path: readonly PropertyKey[]) => label(path, o.top);
  const missingAt = (path: readonly PropertyKey[]) => missing(path, o.top);
  const describe = (v: unknown) => describeValue(v, quote);
  const out: Finding[] = [];
  const push = (path: (string | number)[], code: string, s: Said, atKey?: boolean) =>
    out.push({ path, ...(atKey ? { atKey } : {}), severity: 'error', code, message: english(s), said: s });
  for (const issue of error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const got = valueAt(input, path);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const allowed = keysAt(schema, path);
          // Under a union (a studio request) the allowed keys depend on its kind: none are listed.
          const listed = allowed.length ? said('zod.allowed_keys', { keys: allowed.join(', ') }) : '';
          const hint = didYouMeanSaid(key, allowed) ?? listed;
          push(
            [...path, key],
            'unknown-key',
            quote
              ? said('zod.unknown_key', { key, where: at(path), hint })
              : said('zod.unknown_key_here', { where: at(path), hint: listed }),
            true,
          );
        }
        break;
      case 'invalid_type':
        if (got === undefined) push(path.slice(0, -1), 'missing-field', missingAt(path));
        else if (typeof got === 'number' && !Number.isFinite(got))
          push(
            path,
            'wrong-type',
            said('zod.finite', { where: at(path), got: quote ? said('zod.not', { value: got }) : '' }),
          );
        else
          push(
            path,
            'wrong-type',
            said('zod.must_be', {
              where: at(path),
              expected: EXPECTED[issue.expected] ?? said('zod.a_type', { type: issue.expected }),
              got: describe(got),
            }),
          );
        break;
      case 'invalid_union':
        if (got === undefined) push(path.slice(0, -1), 'missing-field', missingAt(path));
        else if ('options' in issue && Array.isArray(issue.options))
          // A discriminated union's tag (a studio request's op): one of its values.
          push(
            path,
            'invalid-value',
            said('zod.one_of', {
              where: at(path),
              values: issue.options.map(String).join(', '),
              got: describe(got),
              hint: '',
            }),
          );
        else push(path, 'wrong-type', said('zod.date', { where: at(path), got: describe(got) }));
        break;
      case 'invalid_value': {
        const values = issue.values.map(String).join(', ');
        if (got === undefined) {
          push(path.slice(0, -1), 'missing-field', said('zod.missing_one_of', { missing: missingAt(path), values }));
          break;
        }
        const hint = (quote ? didYouMeanSaid(String(got), issue.values.map(String)) : undefined) ?? '';
        push(path, 'invalid-value', said('zod.one_of', { where: at(path), values, got: describe(got), hint }));
        break;
      }
      case 'too_small':
      case 'too_big':
        push(
          path,
          'out-of-range',
          said('zod.range', {
            where: at(path),
            rule: rangeRule(issue.message),
            got: quote && typeof got === 'number' ? said('zod.not', { value: got }) : '',
          }),
        );
        break;
      default:
        push(
          path,
          'invalid',
          said('zod.invalid', { where: at(path), detail: quote ? ruleOf(issue.message) : said('zod.not_valid') }),
        );
    }
  }
  return out;
}
