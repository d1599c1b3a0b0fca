/**
 * The fast path for reading a plan: js-yaml's loader (about ten times faster than the `yaml`
 * library's document model) with positions computed only when a diagnostic needs one, from
 * js-yaml's event stream (source offsets). Any input the fast path is not sure of — tabs in
 * indentation, anchors, aliases and tags, several documents, anything it cannot parse — goes to
 * the exact path (yaml-source.ts), which gives the full diagnostics. Values and positions agree
 * with the exact path's (tests/yaml-fast.test.ts compares them on every committed plan and
 * fixture, the degenerate ones first: empty, comments only, `---`, `~`, nulls).
 */
import { columnAt } from './text-position.js';
import {
  constructFromEvents,
  CORE_SCHEMA,
  EVENT_ID,
  getScalarValue,
  parseEvents,
  SCALAR_STYLE_PLAIN,
  type Event,
  YAMLException,
} from 'js-yaml';
import type { Position, YamlSource } from './yaml-types.js';

/** Past this size a syntax error is reported from the fast parser's own mark (the exact path is slow). */
export const EXACT_ERRORS_UP_TO_BYTES = 1 << 20;

type Path = readonly (string | number)[];

/** The parsed source, or undefined when the exact path should decide. */
export function parseYamlFast(text: string, file: string): YamlSource | undefined {
  // Tabs in indentation; a carriage return alone, a line break to js-yaml but not to the exact path.
  if (/^[ ]*\t/m.test(text) || /\r(?!\n)/.test(text)) return undefined;
  let value: unknown;
  let events: Event[];
  try {
    events = parseEvents(text, { filename: file });
    // No aliases on the fast path: the exact path caps their expansion ("billion laughs").
    const docs = constructFromEvents(events, { source: text, schema: CORE_SCHEMA, maxAliases: 0, filename: file });
    if (docs.length > 1 || events.some(decorated) || events.some((e) => numberTooLarge(e, text))) return undefined;
    // No document at all (an empty file, comments only) reads as null, as on the exact path.
    value = docs.length ? docs[0] : null;
    if (nullKey(value)) return undefined;
  } catch (e) {
    if (text.length <= EXACT_ERRORS_UP_TO_BYTES || !(e instanceof YAMLException) || !e.mark) return undefined;
    const at = {
      file,
      line: e.mark.line + 1,
      column: columnAt(text, e.mark.position - e.mark.column, e.mark.position),
    };
    const message = `YAML syntax: ${e.reason}`;
    return {
      file,
      value: undefined,
      diagnostics: [{ ...at, severity: 'error', code: 'yaml-syntax', message }],
      locate: () => at,
      has: () => false,
    };
  }
  let tree: EventTree | undefined;
  const lines = lineStarts(text);
  const pos = (offset: number): Position => {
    let lo = 0,
      hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    // In characters, as every reader counts columns (text-position.ts), not UTF-16 units.
    return { file, line: lo + 1, column: columnAt(text, lines[lo]!, offset) };
  };
  const find = (path: Path) => (tree ??= new EventTree(text, events)).find(path);
  return {
    file,
    value,
    diagnostics: [],
    locate(path, atKey = false) {
      // The position of the value (or key) at the path, else of the nearest existing parent.
      const hit = find(path);
      return pos(atKey && hit.depth === path.length && path.length > 0 ? hit.key : hit.value);
    },
    has: (path) => find(path).depth === path.length,
  };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * A plain number beyond a double (`1e400`, 400 digits): js-yaml keeps it as the text, the exact
 * path reads it as the number it writes (Infinity), so `name: 1e400` would pass here and fail
 * there. Such files go to the exact path.
 */
const NUMBER = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$|^0x[0-9a-fA-F]+$|^0o[0-7]+$/;
function numberTooLarge(e: Event, text: string): boolean {
  if (e.type !== EVENT_ID.SCALAR || e.style !== SCALAR_STYLE_PLAIN || e.valueStart < 0) return false;
  const c = text.charCodeAt(e.valueStart);
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) return false; // 0-9 + - .
  const v = getScalarValue(text, e);
  return NUMBER.test(v) && !Number.isFinite(Number(v));
}

/**
 * An empty or null mapping key (`: x`, `{a,: 1}`, `null: x`): js-yaml names it "null", the exact
 * path "" or a syntax error; either way the exact path decides what to report.
 */
function nullKey(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(nullKey);
  if (v === null || typeof v !== 'object') return false;
  if (Object.hasOwn(v, 'null')) return true;
  for (const k in v) if (nullKey((v as Record<string, unknown>)[k])) return true;
  return false;
}

/**
 * An anchor or a tag: the two parsers place such a node differently (before or after the
 * decoration), so the exact path reads these files; plans rarely use either.
 */
function decorated(e: Event): boolean {
  if (e.type === EVENT_ID.ALIAS) return true;
  return e.type !== EVENT_ID.DOCUMENT && e.type !== EVENT_ID.POP && (e.anchorStart >= 0 || e.tagStart >= 0);
}

/**
 * Where a node starts, or -1 for an empty value (`id:` with nothing after it), which has no
 * place of its own in the source: the caller then points at its key (see locateEmpty).
 */
function nodeStart(e: Event, text: string): number {
  if (e.type === EVENT_ID.SCALAR) {
    if (e.valueStart < 0) return -1;
    // A block scalar's value starts on the line after its indicator ('|' or '>').
    if (e.style === 4 || e.style === 5) return text.lastIndexOf(e.style === 4 ? '|' : '>', e.valueStart);
    return e.style === 2 || e.style === 3 ? e.valueStart - 1 : e.valueStart;
  }
  if (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE) return e.start;
  return 0;
}

/**
 * Navigates js-yaml's flat event stream by path. Each collection's children are listed the first
 * time a lookup passes through it, so a few lookups in a 100,000-facility plan touch only the
 * collections on their paths.
 */
class EventTree {
  /** For each collection event, the index of the event that closes it. */
  private readonly end: Int32Array;
  private readonly kids = new Map<number, Int32Array>();
  private readonly root: number;

  constructor(
    private readonly text: string,
    private readonly events: Event[],
  ) {
    this.end = new Int32Array(events.length).fill(-1);
    const open: number[] = [];
    events.forEach((e, i) => {
      if (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE || e.type === EVENT_ID.DOCUMENT) open.push(i);
      else if (e.type === EVENT_ID.POP) this.end[open.pop()!] = i;
    });
    this.root = events.findIndex((e) => e.type !== EVENT_ID.DOCUMENT);
  }

  private isCollection(i: number): boolean {
    const t = this.events[i]!.type;
    return t === EVENT_ID.MAPPING || t === EVENT_ID.SEQUENCE;
  }

  private children(i: number): Int32Array {
    let list = this.kids.get(i);
    if (!list) {
      const out: number[] = [];
      for (let j = i + 1; j < this.end[i]!; j = this.isCollection(j) ? this.end[j]! + 1 : j + 1) out.push(j);
      this.kids.set(i, (list = Int32Array.from(out)));
    }
    return list;
  }

  /**
   * The deepest node along the path: its start, its key's start, and how many segments matched.
   * An empty value is placed at its key, an empty list item at its list, an empty document at the
   * file's start: the place the planner types the missing value (yaml-source.ts does the same).
   */
  find(path: Path): { value: number; key: number; depth: number } {
    if (this.root < 0) return { value: 0, key: 0, depth: 0 };
    let node = this.root,
      key = this.root,
      parent = -1,
      depth = 0;
    for (const seg of path) {
      const e = this.events[node]!;
      const kids = this.isCollection(node) ? this.children(node) : new Int32Array(0);
      let next = -1,
        nextKey = -1;
      if (e.type === EVENT_ID.MAPPING) {
        for (let k = 0; k + 1 < kids.length; k += 2) {
          const ke = this.events[kids[k]!]!;
          if (ke.type === EVENT_ID.SCALAR && getScalarValue(this.text, ke) === String(seg)) {
            next = kids[k + 1]!;
            nextKey = kids[k]!;
            break;
          }
        }
      } else if (e.type === EVENT_ID.SEQUENCE && typeof seg === 'number' && seg < kids.length) {
        next = nextKey = kids[seg]!;
      }
      if (next < 0) break;
      parent = node;
      node = next;
      key = nextKey;
      depth++;
    }
    const start = (i: number) => (i < 0 ? 0 : nodeStart(this.events[i]!, this.text));
    const list = start(parent);
    const keyAt = key === node ? -1 : start(key);
    const value = start(node);
    const at = value >= 0 ? value : keyAt >= 0 ? keyAt : list;
    return { value: at, key: key === node ? at : keyAt >= 0 ? keyAt : list, depth };
  }
}
