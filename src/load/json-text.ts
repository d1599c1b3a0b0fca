/**
 * JSON.parse for user files, with messages that name the line and column and what was expected,
 * never the text found there: V8's own messages quote ~20 characters of the input ("Unexpected
 * token 'r', "root:x:0:0"... is not valid JSON"), and a file named by a plan in a pull request
 * is not ours to print into a CI log. On a syntax error a small scanner (iterative, so nesting
 * depth costs no stack) finds where the text stops being JSON. The same scanner places a value of
 * a parsed file (`jsonPlace`: features[3].properties.population → file:line:column) when a reader
 * refuses it: the file is parsed once by V8, and read again only for a message, keeping no more
 * than the path it looks for.
 */
import { InputError } from '../errors.js';
import { type Said, said } from '../model/said.js';
import { positionAt } from './text-position.js';

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
    const { line, column } = positionAt(text, e.offset);
    throw new InputError(`${file}:${line}:${column}`, problem(e.expected), 1);
  }
}

/** A path into a JSON value: member names and array indices. */
export type JsonPath = readonly (string | number)[];

/**
 * "file:line:column" of the value at `path` in a JSON text that parses, or of the deepest value on
 * the path that exists (a missing property: its object). Duplicate names: the last, as JSON.parse
 * keeps it.
 */
export function jsonPlace(text: string, file: string, path: JsonPath): string {
  const { line, column } = positionAt(text, jsonOffset(text, path));
  return `${file}:${line}:${column}`;
}

/** Where the value at `path` (or the deepest value on it that exists) starts in the text. */
export function jsonOffset(text: string, path: JsonPath): number {
  const finder = new PathFinder(text, path);
  scanJson(text, finder);
  return finder.offset();
}

/** What the scanner tells a reader that follows it: values starting, containers, member names. */
interface JsonVisitor {
  value(offset: number): void;
  open(array: boolean): void;
  close(): void;
  /** A member name, from its opening quote to past its closing one. */
  key(from: number, to: number): void;
}

/**
 * Follows the scan down one path. Only the levels of the path are kept (their index or member
 * name), so memory stays the path's length however deep or long the file is.
 */
class PathFinder implements JsonVisitor {
  private readonly levels: { array: boolean; index: number; key: string | undefined; on: boolean }[] = [];
  /** Containers deeper than the path, only counted. */
  private deeper = 0;
  /** found[d]: where the last value on the path's first d steps starts; -1 when none. */
  private readonly found: number[];
  private onPath = false;

  constructor(
    private readonly text: string,
    private readonly path: JsonPath,
  ) {
    this.found = new Array(path.length + 1).fill(-1);
  }

  value(offset: number): void {
    if (this.deeper > 0) return;
    const d = this.levels.length;
    const top = this.levels[d - 1];
    if (top?.array) top.index++;
    this.onPath = !top || (top.on && (top.array ? top.index : top.key) === this.path[d - 1]);
    if (this.onPath) {
      this.found[d] = offset;
      this.found.fill(-1, d + 1);
    }
  }

  open(array: boolean): void {
    if (this.deeper > 0 || this.levels.length >= this.path.length) this.deeper++;
    else this.levels.push({ array, index: -1, key: undefined, on: this.onPath });
  }

  close(): void {
    if (this.deeper > 0) this.deeper--;
    else this.levels.pop();
  }

  key(from: number, to: number): void {
    const top = this.levels[this.levels.length - 1];
    if (this.deeper > 0 || !top?.on) return;
    const raw = this.text.slice(from, to);
    top.key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  }

  offset(): number {
    for (let d = this.path.length; d > 0; d--) if (this.found[d]! >= 0) return this.found[d]!;
    return Math.max(this.found[0]!, 0);
  }
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const LITERALS = ['true', 'false', 'null'];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** Where `text` first breaks the JSON grammar (RFC 8259), or undefined when it is valid JSON. */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  return scanJson(text);
}

/** The scanner: checks the grammar and tells a visitor what it passes. */
function scanJson(text: string, visit?: JsonVisitor): JsonSyntaxError | undefined {
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
      visit?.close();
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
      visit?.close();
    } else if (want === 'first-key' && text[i] === '}') {
      i++;
      stack.pop();
      visit?.close();
    } else if (want === 'key' || want === 'first-key') {
      if (text[i] !== '"') return fail(said(want === 'key' ? 'read.json.key' : 'read.json.key_or_end'));
      const from = i;
      const e = string();
      if (e) return e;
      visit?.key(from, i);
      skip();
      if (text[i] !== ':') return fail(said('read.json.colon'));
      i++;
      want = 'value';
      continue;
    } else {
      const c = text[i];
      visit?.value(i);
      if (c === '[' || c === '{') {
        stack.push(c);
        visit?.open(c === '[');
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
