/**
 * The fast path for reading a plan: js-yaml's loader (about ten times faster than the `yaml`
 * library's document model) with positions computed only when a diagnostic needs one, from
 * js-yaml's event stream (source offsets). Any input the fast path is not sure of — tabs in
 * indentation, anchors and aliases, anything it cannot parse — goes to the exact path
 * (yaml-source.ts), which gives the full diagnostics. Positions agree with the exact path's
 * (tests/yaml-fast.test.ts compares them on every committed plan and fixture).
 */
import {
  constructFromEvents,
  CORE_SCHEMA,
  EVENT_ID,
  getScalarValue,
  parseEvents,
  type Event,
  YAMLException,
} from 'js-yaml';
import type { Position, YamlSource } from './yaml-types.js';

/** Past this size a syntax error is reported from the fast parser's own mark (the exact path is slow). */
export const EXACT_ERRORS_UP_TO_BYTES = 1 << 20;

type Path = readonly (string | number)[];

/** The parsed source, or undefined when the exact path should decide. */
export function parseYamlFast(text: string, file: string): YamlSource | undefined {
  if (/^[ ]*\t/m.test(text)) return undefined;
  let value: unknown;
  let events: Event[];
  try {
    events = parseEvents(text, { filename: file });
    // No aliases on the fast path: the exact path caps their expansion ("billion laughs").
    const docs = constructFromEvents(events, { source: text, schema: CORE_SCHEMA, maxAliases: 0, filename: file });
    if (docs.length > 1) return undefined;
    value = docs[0];
  } catch (e) {
    if (text.length <= EXACT_ERRORS_UP_TO_BYTES || !(e instanceof YAMLException) || !e.mark) return undefined;
    const at = { file, line: e.mark.line + 1, column: e.mark.column + 1 };
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
    return { file, line: lo + 1, column: offset - lines[lo]! + 1 };
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

  /** The deepest node along the path: its start, its key's start, and how many segments matched. */
  find(path: Path): { value: number; key: number; depth: number } {
    if (this.root < 0) return { value: 0, key: 0, depth: 0 };
    let node = this.root,
      key = this.root,
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
      node = next;
      key = nextKey;
      depth++;
    }
    return { value: nodeStart(this.events[node]!, this.text), key: nodeStart(this.events[key]!, this.text), depth };
  }
}
