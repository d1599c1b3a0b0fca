/**
 * Parses YAML while keeping source positions, so every problem can be reported as file:line:col.
 * Hostile input stays harmless: aliases are capped (a "billion laughs" file is refused at once).
 */
import { said, told } from '../model/said.js';
import { createRequire } from 'node:module';
import type { Document, Node } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import { reasonOnly } from '../model/printable.js';
import { compiled } from './compiled-inputs.js';
import { columnAt } from './text-position.js';
import { parseYamlFast } from './yaml-fast.js';
import { yamlSyntaxSaid } from './yaml-reasons.js';
import type { Position, YamlSource } from './yaml-types.js';

export type { Position, YamlSource };

/** The `yaml` library is loaded only when the exact path runs (a plan with problems or aliases). */
const yamlLib = () => createRequire(import.meta.url)('yaml') as typeof import('yaml');

export const MAX_ALIASES = 100;

/** The YAML 1.2 core schema's own tags; values with any other tag are refused. */
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/** Parses a plan's YAML: the fast path when it can decide, else the exact path. */
export function parseYaml(text: string, file: string): YamlSource {
  return parseYamlFast(text, file) ?? parseYamlExact(text, file);
}

/**
 * parseYaml, or the build's stored value for this very text (a committed plan; see
 * compiled-inputs.ts). Positions are then found by parsing, only if a message needs one.
 */
export function parseYamlCompiled(text: string, file: string): YamlSource {
  const value = compiled<unknown>('yaml', text);
  if (value === undefined) return parseYaml(text, file);
  let parsed: YamlSource | undefined;
  const source = () => (parsed ??= parseYaml(text, file));
  return {
    file,
    value,
    diagnostics: [],
    locate: (path, atKey) => source().locate(path, atKey),
    has: (path) => source().has(path),
  };
}

/** The exact path: the `yaml` library's document model, with every syntax problem diagnosed. */
export function parseYamlExact(text: string, file: string): YamlSource {
  const { isMap, isScalar, isSeq, LineCounter, parseDocument } = yamlLib();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const pos = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    // The library counts UTF-16 units; a column is counted in characters (text-position.ts).
    return { file, line, column: columnAt(text, offset - col + 1, offset) };
  };
  const diagnostics: Diagnostic[] = [];
  const tabLines = new Set<number>();
  text.split(/\r?\n/).forEach((l, i) => {
    const m = /^[ ]*\t/.exec(l);
    if (m) {
      tabLines.add(i + 1);
      diagnostics.push({
        file,
        line: i + 1,
        column: m[0].length,
        severity: 'error',
        code: 'yaml-tab',
        ...told(said('yaml.tab')),
      });
    }
  });
  // A tab usually derails the parser for the lines after it; report the tab, not the cascade.
  for (const e of tabLines.size ? [] : doc.errors) {
    const p = pos(e.pos[0]);
    const duplicate = e.code === 'DUPLICATE_KEY';
    diagnostics.push({
      ...p,
      severity: 'error',
      code: duplicate ? 'yaml-duplicate-key' : 'yaml-syntax',
      ...(duplicate
        ? told(said('yaml.duplicate_key'))
        : /call stack/i.test(e.message)
          ? told(said('yaml.too_deep'))
          : e.code === 'MULTIPLE_DOCS'
            ? told(said('yaml.two_documents'))
            : {
                // English keeps the library's reason (without what it quotes); other languages ours.
                message: `YAML syntax: ${reasonOnly(e.message.replace(/ at line \d+, column \d+:?\s*$/m, '')) || 'not valid YAML'}`,
                said: yamlSyntaxSaid(e.code, e.message),
              }),
    });
  }
  // Explicit tags such as !!binary, !!timestamp, !!set or a custom !thing would turn a value into a
  // Buffer, a Date or a Set that no plan field can hold; name the tag instead of a confusing type error.
  if (diagnostics.length === 0) {
    yamlLib().visit(doc, (_, node) => {
      const tag = (node as { tag?: string } | null)?.tag;
      if (typeof tag === 'string' && !PLAIN_TAGS.has(tag)) {
        const short = tag.replace(/^tag:yaml\.org,2002:/, '!!');
        const at = (node as Node).range?.[0] ?? 0;
        diagnostics.push({
          ...pos(at),
          severity: 'error',
          code: 'yaml-tag',
          ...told(said('yaml.tag', { tag: short })),
        });
      }
    });
  }
  let value: unknown;
  if (diagnostics.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (e) {
      diagnostics.push({
        ...pos(firstAliasOffset(doc) ?? 0),
        severity: 'error',
        code: 'yaml-alias',
        message: `refused: ${firstLine((e as Error).message)} (more than ${MAX_ALIASES} alias expansions)`,
        said: said('yaml.alias_refused', { max: MAX_ALIASES }),
      });
    }
  }
  /** Where a node starts; -1 for an empty value (`id:` with nothing after it). */
  const start = (n: unknown): number => {
    const range = (n as Node | null)?.range;
    return !range || (isScalar(n) && range[0] === range[1]) ? -1 : range[0];
  };
  /**
   * The offset of the node at a path, or of its nearest existing parent. An empty value is placed
   * at its key, an empty list item at its list, an empty document at the file's start: the place
   * the planner types the missing value (yaml-fast.ts does the same).
   */
  const find = (path: readonly (string | number)[], atKey = false): number => {
    let node: unknown = doc.contents;
    let at = Math.max(0, start(node));
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) return at;
        const keyAt = start(pair.key) >= 0 ? start(pair.key) : at;
        if (atKey && i === path.length - 1) return keyAt;
        node = pair.value;
        at = start(node) >= 0 ? start(node) : keyAt;
      } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
        node = node.items[seg];
        at = start(node) >= 0 ? start(node) : at;
      } else {
        return at;
      }
    }
    return at;
  };
  return {
    file,
    value,
    diagnostics,
    locate: (path, atKey) => pos(find(path, atKey)),
    has: (path) => doc.hasIn(path as (string | number)[]),
  };
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function firstAliasOffset(doc: Document): number | undefined {
  let offset: number | undefined;
  const { visit } = yamlLib();
  visit(doc, {
    Alias(_, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}
