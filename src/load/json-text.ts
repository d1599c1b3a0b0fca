/**
 * JSON.parse for user files, with messages that name the line and column and what was expected,
 * never the text found there: V8's own messages quote ~20 characters of the input ("Unexpected
 * token 'r', "root:x:0:0"... is not valid JSON"), and a file named by a plan in a pull request
 * is not ours to print into a CI log. On a syntax error a small scanner (iterative, so nesting
 * depth costs no stack) finds where the text stops being JSON.
 */
import { InputError } from '../errors.js';
import { type Said, said } from '../model/said.js';

export type JsonSyntaxError = { offset: number; expected: Said };

/**
 * Parses `text`; a syntax error is a data error (exit 1) at file:line:column, said by `problem`
 * from what was expected there (V8's own message, which quotes the file, is never used).
 */
export function parseJsonText(
  text: string,
  file: string,
  problem = (expected: Said): Said => said('read.json.invalid', { expected }),
): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const e = jsonSyntaxError(text) ?? { offset: 0, expected: said('read.json.any') };
    const { line, column } = lineColumn(text, e.offset);
    throw new InputError(`${file}:${line}:${column}`, problem(e.expected), 1);
  }
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const LITERALS = ['true', 'false', 'null'];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** Where `text` first breaks the JSON grammar (RFC 8259), or undefined when it is valid JSON. */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const stack: ('[' | '{')[] = [];
  const skip = () => {
    while (i < text.length && WS.has(text.charCodeAt(i))) i++;
  };
  const fail = (expected: Said): JsonSyntaxError => ({ offset: i, expected });
  // After a value inside a container: ',' or the closing bracket; at the top level: the end.
  const afterValue = (): JsonSyntaxError | 'value' | 'key' | 'done' | 'next' => {
    skip();
    const top = stack[stack.length - 1];
    if (!top) return i === text.length ? 'done' : fail(said('read.json.end'));
    const close = top === '[' ? ']' : '}';
    if (text[i] === ',') {
      i++;
      return top === '[' ? 'value' : 'key';
    }
    if (text[i] === close) {
      i++;
      stack.pop();
      return 'next';
    }
    return fail(said('read.json.comma_or', { close }));
  };
  const string = (): JsonSyntaxError | undefined => {
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) return fail(said('read.json.closing_quote'));
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c < 0x20) return fail(said('read.json.control'));
      if (c === 0x5c) {
        ESCAPE.lastIndex = i;
        if (!ESCAPE.test(text)) return fail(said('read.json.escape'));
        i = ESCAPE.lastIndex;
      } else i++;
    }
  };
  let want: 'value' | 'key' | 'first-value' | 'first-key' = 'value';
  for (;;) {
    skip();
    if (want === 'first-value' && text[i] === ']') {
      i++;
      stack.pop();
    } else if (want === 'first-key' && text[i] === '}') {
      i++;
      stack.pop();
    } else if (want === 'key' || want === 'first-key') {
      if (text[i] !== '"') return fail(said(want === 'key' ? 'read.json.key' : 'read.json.key_or_end'));
      const e = string();
      if (e) return e;
      skip();
      if (text[i] !== ':') return fail(said('read.json.colon'));
      i++;
      want = 'value';
      continue;
    } else {
      const c = text[i];
      if (c === '[' || c === '{') {
        stack.push(c);
        i++;
        want = c === '[' ? 'first-value' : 'first-key';
        continue;
      }
      if (c === '"') {
        const e = string();
        if (e) return e;
      } else if (c !== undefined && (c === '-' || (c >= '0' && c <= '9'))) {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) return fail(said('read.json.number'));
        i = NUMBER.lastIndex;
      } else {
        const lit = LITERALS.find((l) => text.startsWith(l, i));
        if (!lit) return fail(said(i >= text.length ? 'read.json.value_at_end' : 'read.json.value'));
        i += lit.length;
      }
    }
    // A value (or an empty container) is complete: climb out of the containers it closes.
    for (;;) {
      const next = afterValue();
      if (next === 'done') return undefined;
      if (next === 'next') continue;
      if (typeof next === 'object') return next;
      want = next;
      break;
    }
  }
}
