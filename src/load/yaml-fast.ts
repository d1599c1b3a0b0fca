/**
 * The fast path for reading a plan: js-yaml's loader (about ten times faster than the `yaml`
 * library's document model) with positions computed only when a diagnostic needs one, from
 * js-yaml's event stream (source offsets). Any input the fast path is not sure of — tabs in
 * indentation, anchors and aliases, anything it cannot parse — goes to the exact path
 * (yaml-source.ts), which gives the full diagnostics. Positions agree with the exact path's
 * (tests/yaml-fast.test.ts compares them on every committed plan and fixture).
 */
import { CORE_SCHEMA, EVENT_ID, getScalarValue, load, parseEvents, type Event, YAMLException } from 'js-yaml';
import type { Position, YamlSource } from './yaml-types.js';

/** Past this size a syntax error is reported from the fast parser's own mark (the exact path is slow). */
export const EXACT_ERRORS_UP_TO_BYTES = 1 << 20;

type Path = readonly (string | number)[];

/** The parsed source, or undefined when the exact path should decide. */
export function parseYamlFast(text: string, file: string): YamlSource | undefined {
  if (/^[ ]*\t/m.test(text)) return undefined;
  let value: unknown;
  try {
    // No aliases on the fast path: the exact path caps their expansion ("billion laughs").
    value = load(text, { schema: CORE_SCHEMA, maxAliases: 0, filename: file });
  } catch (e) {
    if (text.length <= EXACT_ERRORS_UP_TO_BYTES || !(e instanceof YAMLException) || !e.mark) return undefined;
    const at = { file, line: e.mark.line + 1, column: e.mark.column + 1 };
    const message = `YAML syntax: ${e.reason}`;
    return { file, value: undefined, diagnostics: [{ ...at, severity: 'error', code: 'yaml-syntax', message }], locate: () => at, has: () => false };
  }
  let index: Map<string, { value: number; key: number }> | undefined;
  const lines = lineStarts(text);
  const pos = (offset: number): Position => {
    let lo = 0, hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file, line: lo + 1, column: offset - lines[lo]! + 1 };
  };
  const lookup = (path: Path) => (index ??= offsetsByPath(text)).get(key(path));
  return {
    file,
    value,
    diagnostics: [],
    locate(path, atKey = false) {
      // The position of the value (or key) at the path, else of the nearest existing parent.
      for (let n = path.length; n >= 0; n--) {
        const hit = lookup(path.slice(0, n));
        if (hit) return pos(atKey && n === path.length && n > 0 ? hit.key : hit.value);
      }
      return pos(0);
    },
    has: (path) => lookup(path) !== undefined,
  };
}

const key = (path: Path) => path.map(String).join('\u0000');

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Where each node starts (a node's tag or anchor counts as its start), and its key's start. */
function nodeStart(e: Event, text: string): number {
  if (e.type === EVENT_ID.SCALAR) {
    const quoted = e.style === 2 || e.style === 3;
    const starts = [quoted ? e.valueStart - 1 : e.valueStart, e.anchorStart, e.tagStart].filter((x) => x >= 0);
    // A block scalar's value starts on the line after its indicator ('|' or '>').
    if (e.style === 4 || e.style === 5) starts.push(text.lastIndexOf(e.style === 4 ? '|' : '>', e.valueStart));
    return Math.min(...starts);
  }
  if (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE) {
    return Math.min(...[e.start, e.anchorStart, e.tagStart].filter((x) => x >= 0));
  }
  return 0;
}

function offsetsByPath(text: string): Map<string, { value: number; key: number }> {
  const out = new Map<string, { value: number; key: number }>();
  type Frame = { kind: 'doc' | 'map' | 'seq'; path: (string | number)[]; next: number; pendingKey?: { name: string; at: number } };
  const stack: Frame[] = [];
  const place = (e: Event, isCollection: boolean): void => {
    const top = stack[stack.length - 1];
    const start = nodeStart(e, text);
    let path: (string | number)[] = [];
    let keyAt = start;
    if (top?.kind === 'seq') path = [...top.path, top.next++];
    else if (top?.kind === 'map') {
      if (!top.pendingKey) {
        // This node is a key. Only scalar keys name a path; a collection key is skipped.
        top.pendingKey = { name: e.type === EVENT_ID.SCALAR ? getScalarValue(text, e) : '\u0001', at: start };
        if (isCollection) stack.push({ kind: e.type === EVENT_ID.MAPPING ? 'map' : 'seq', path: ['\u0001'], next: 0 });
        return;
      }
      path = [...top.path, top.pendingKey.name];
      keyAt = top.pendingKey.at;
      top.pendingKey = undefined;
    }
    out.set(key(path), { value: start, key: keyAt });
    if (isCollection) stack.push({ kind: e.type === EVENT_ID.MAPPING ? 'map' : 'seq', path, next: 0 });
  };
  for (const e of parseEvents(text, {})) {
    if (e.type === EVENT_ID.DOCUMENT) stack.push({ kind: 'doc', path: [], next: 0 });
    else if (e.type === EVENT_ID.SCALAR || e.type === EVENT_ID.ALIAS) place(e, false);
    else if (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE) place(e, true);
    else if (e.type === EVENT_ID.POP) stack.pop();
  }
  return out;
}
