/**
 * Saving the session's edits (POST /api/save), as code a reviewer reads:
 *
 * - a **scenario** (default `<plan>.scenario.yaml` beside the plan): `extends:` the plan and states
 *   only what changed — the facilities added (whole), the fields an edit changed (by id), the units
 *   new centers take over (`reassign:`);
 * - or **the plan itself**, edited through the `yaml` library's document model, so its comments,
 *   key order and formatting stay as they were and only the changed values differ.
 *
 * Either is written atomically and only inside the plan's folder (a plain file name; no path, no
 * symbolic link, never one of the files the plan is made of unless saving the plan itself), and
 * only after `validate` finds no error in the written text: a save never leaves a plan that does
 * not load. The answer lists what `validate --strict` says of the file (warnings included).
 */
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Scalar, stringify, type Document, type YAMLMap } from 'yaml';
import { z } from 'zod';
import { facilitiesOf, type Branch, type Center, type Plan, type Reassign } from '../model/plan.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { displayPath } from '../load/display-path.js';
import { validateFile } from '../load/validate-file.js';
import { writeAtomically } from '../render/output.js';
import { said } from '../model/said.js';
import { badRequest, EditError } from './edits.js';
import type { Session } from './session.js';

export const SaveRequest = z.strictObject({
  mode: z.enum(['scenario', 'plan']),
  file: z.string().max(200).optional(),
});

/** A file name a save may use: letters, digits, . _ -, ending .yaml or .yml, not hidden. */
const FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,150}\.ya?ml$/;

/** The fields an edit can change, in the order a plan writes them. */
const EDITABLE = ['region', 'location', 'opens', 'closes'] as const;

export interface SaveAnswer {
  path: string;
  findings: Diagnostic[];
}

export function save(session: Session, body: unknown): SaveAnswer {
  const r = SaveRequest.safeParse(body);
  if (!r.success) throw badRequest('bad-save', SaveRequest, body, r.error);
  const folder = dirname(session.file);
  if (session.stale) throw new EditError(409, 'stale', said('studio.refuse.stale_save'));
  if (r.data.mode === 'plan') {
    if (r.data.file !== undefined && r.data.file !== basename(session.file))
      throw new EditError(400, 'bad-save', said('studio.refuse.plan_no_file'));
    const text = planText(readFileSync(session.file, 'utf8'), session.basePlan, session.plan);
    const answer = writeChecked(session, session.file, text);
    session.settle(session.plan);
    return answer;
  }
  const name = r.data.file ?? `${basename(session.file).replace(/\.ya?ml$/, '')}.scenario.yaml`;
  const target = confined(folder, name, session);
  return writeChecked(session, target, scenarioText(session, target));
}

/** A file in the plan's folder, by plain name only; never a link, a folder, nor a file the plan is made of. */
function confined(folder: string, name: string, session: Session): string {
  if (!FILE_NAME.test(name)) throw new EditError(400, 'bad-file', said('studio.refuse.bad_file'));
  const target = join(folder, name);
  if (realpathSync(dirname(target)) !== realpathSync(folder))
    throw new EditError(403, 'outside-folder', said('studio.refuse.outside_folder'));
  let st: ReturnType<typeof lstatSync> | undefined;
  try {
    st = lstatSync(target);
  } catch {
    st = undefined;
  }
  if (st && !st.isFile()) throw new EditError(403, 'not-a-file', said('studio.refuse.not_a_file', { name }));
  if (session.files.some((f) => realpathSync(f) === target || f === target))
    throw new EditError(409, 'is-an-input', said('studio.refuse.is_an_input', { name }));
  return target;
}

/** Writes `text` to `target` if validate finds no error in it; the findings either way (named as the target). */
function writeChecked(session: Session, target: string, text: string): SaveAnswer {
  let findings: Diagnostic[] = [];
  const shown = displayPath(target);
  const written = writeAtomically(target, text, shown, (tmp) => {
    const tmpShown = displayPath(tmp);
    findings = validateFile(session.run, tmp, session.context.country).diagnostics.map((d) =>
      d.file === tmpShown ? { ...d, file: shown } : d,
    );
    return !findings.some((d) => d.severity === 'error');
  });
  if (!written)
    throw new EditError(
      422,
      'invalid-result',
      said('studio.refuse.invalid_result', { first: findings[0]?.said ?? String(findings[0]?.message) }),
    );
  return { path: shown, findings };
}

/** What changed from `base` to `now`: facilities added, fields changed, units taken over. */
function changes(base: Plan, now: Plan) {
  const before = new Map(facilitiesOf(base).map((f) => [f.id, f]));
  const lists = { centers: [] as Record<string, unknown>[], branches: [] as Record<string, unknown>[] };
  const unset: string[] = [];
  for (const list of ['centers', 'branches'] as const)
    for (const f of now[list] as (Center | Branch)[]) {
      const old = before.get(f.id);
      if (!old) {
        lists[list].push(entry(f));
        continue;
      }
      const changed: Record<string, unknown> = {};
      for (const k of EDITABLE)
        if (JSON.stringify(f[k]) !== JSON.stringify(old[k]) && f[k] !== undefined) changed[k] = planValue(f[k]);
      if (old.closes !== undefined && f.closes === undefined) unset.push(f.id);
      if (Object.keys(changed).length) lists[list].push({ id: f.id, ...changed });
    }
  const moves = now.reassign.filter((r) => !base.reassign.includes(r));
  return { lists, moves, unset };
}

/** A facility as a plan entry, in the plan's order of fields. */
function entry(f: Center | Branch): Record<string, unknown> {
  const out: Record<string, unknown> = { id: f.id, name: f.name };
  if ('center' in f) out.center = f.center;
  for (const k of ['region', 'location', 'status', 'opens', 'closes', 'serves', 'evidence', 'source'] as const)
    if (f[k] !== undefined) out[k] = planValue(f[k]);
  return out;
}

/** A date as a plan writes it: a bare year as a number (YAML reads 2027 as one), the rest as given. */
const planValue = (v: unknown) => (typeof v === 'string' && /^\d{4}$/.test(v) ? Number(v) : v);

const moveEntry = (m: Reassign) => ({ unit: m.unit, to: m.to, ...(m.from !== undefined ? { from: m.from } : {}) });

function scenarioText(session: Session, target: string): string {
  const { lists, moves, unset } = changes(session.basePlan, session.plan);
  if (unset.length)
    throw new EditError(
      409,
      'cannot-unset',
      `a scenario cannot take away a closing date (${unset.join(', ')}): save the plan itself, or close later instead`,
    );
  const base = relative(dirname(target), session.file) || basename(session.file);
  const doc: Record<string, unknown> = { extends: base };
  if (lists.centers.length) doc.centers = lists.centers;
  if (lists.branches.length) doc.branches = lists.branches;
  if (moves.length) doc.reassign = moves.map(moveEntry);
  const n = session.state().edits;
  const head =
    `# A what-if scenario saved by dostplan serve over ${basename(session.file)} (${n} edit${n === 1 ? '' : 's'}):\n` +
    '# only what changed. Check it with `dostplan validate --strict`; compare with `dostplan diff`.\n';
  return head + stringify(doc, { lineWidth: 0, flowCollectionPadding: true });
}

/** A replacement of text[at, end) by `text` (an insertion when at = end). */
interface Splice {
  at: number;
  end: number;
  text: string;
}

/**
 * The plan file's text with the edits, as splices of the original text at the places the `yaml`
 * library's document model gives (node ranges): a changed value replaces only its own characters
 * (its comment, the quoting and layout around it stay), a new field goes after `opens`, new
 * facilities and moves are appended to their lists in the list's own indentation. Every other
 * byte of the file is kept. A scenario file gets an entry (id and the changed fields) for a base
 * facility it does not list.
 */
export function planText(text: string, base: Plan, now: Plan): string {
  const doc = parseDocument(text, { keepSourceTokens: true });
  if (doc.errors.length) throw new EditError(409, 'stale', said('studio.refuse.does_not_parse'));
  const { lists, moves, unset } = changes(base, now);
  const splices: Splice[] = [];
  const edit = new TextEdits(text, splices);
  for (const list of ['centers', 'branches'] as const) {
    const seq = doc.get(list, true);
    const itemOf = (id: string) =>
      isSeq(seq) ? seq.items.find((it): it is YAMLMap => isMap(it) && it.get('id') === id) : undefined;
    const appended: Record<string, unknown>[] = [];
    for (const e of lists[list]) {
      const item = itemOf(e.id as string);
      if (!item) appended.push(e);
      else for (const [k, v] of Object.entries(e)) if (k !== 'id') edit.set(item, k, v);
    }
    for (const id of unset) {
      const item = itemOf(id);
      if (item) edit.remove(item, 'closes');
    }
    if (appended.length) edit.append(doc, list, appended);
  }
  if (moves.length) edit.append(doc, 'reassign', moves.map(moveEntry));
  let out = text;
  for (const sp of [...splices].sort((a, b) => b.at - a.at || b.end - a.end))
    out = out.slice(0, sp.at) + sp.text + out.slice(sp.end);
  return out;
}

/** Edits of one YAML text, collected as splices (applied from the end, so offsets stay true). */
class TextEdits {
  constructor(
    private readonly text: string,
    private readonly out: Splice[],
  ) {}

  private lineStart(at: number): number {
    return this.text.lastIndexOf('\n', at - 1) + 1;
  }

  /** Just after the newline that ends the line holding `at` (the text's end when none). */
  private lineEnd(at: number): number {
    const n = this.text.indexOf('\n', at);
    return n < 0 ? this.text.length : n + 1;
  }

  private column(at: number): number {
    return at - this.lineStart(at);
  }

  /** Sets `key` of a map to `value`: in place when it is there (a nested map field by field), else added after `opens`. */
  set(map: YAMLMap, key: string, value: unknown): void {
    const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
    const node = pair?.value as { range?: [number, number, number] } | null | undefined;
    if (pair && isMap(pair.value) && isRecord(value)) {
      for (const [k, v] of Object.entries(value)) this.set(pair.value, k, v);
      return;
    }
    if (node?.range) {
      this.out.push({ at: node.range[0], end: node.range[1], text: flowText(value) });
      return;
    }
    const after = map.items.find((p) => isScalar(p.key) && p.key.value === 'opens') ?? map.items.at(-1);
    const end = (rangeOf(after?.value) ?? rangeOf(after?.key)!)[1]!;
    if (map.flow) {
      this.out.push({ at: end, end, text: `, ${key}: ${flowText(value)}` });
      return;
    }
    const first = map.items[0]!.key as Scalar;
    const pos = this.lineEnd(end - 1);
    const nl = pos > 0 && this.text[pos - 1] !== '\n' ? '\n' : '';
    this.out.push({
      at: pos,
      end: pos,
      text: `${nl}${' '.repeat(this.column(first.range![0]))}${key}: ${flowText(value)}\n`,
    });
  }

  /** Removes `key` from a map: its line(s) in a block map, `, key: value` in a flow map. */
  remove(map: YAMLMap, key: string): void {
    const i = map.items.findIndex((p) => isScalar(p.key) && p.key.value === key);
    if (i < 0) return;
    const pair = map.items[i]!;
    const k = (pair.key as Scalar).range!;
    const v = rangeOf(pair.value) ?? k;
    if (!map.flow) {
      this.out.push({ at: this.lineStart(k[0]), end: this.lineEnd(v[1]! - 1), text: '' });
      return;
    }
    const prev = i > 0 ? map.items[i - 1]! : undefined;
    const from = prev ? (rangeOf(prev.value)?.[1] ?? k[0]) : k[0];
    const next = map.items[i + 1];
    const to = prev || !next ? v[1]! : (next.key as Scalar).range![0];
    this.out.push({ at: from, end: to, text: '' });
  }

  /** Appends entries to the list under a top-level key (made when missing), in the list's own style. */
  append(doc: Document, key: string, entries: Record<string, unknown>[]): void {
    const seq = doc.get(key, true);
    if (isSeq(seq) && seq.flow) {
      const close = this.text.lastIndexOf(']', seq.range![1]);
      const sep = seq.items.length ? ', ' : '';
      this.out.push({ at: close, end: close, text: sep + entries.map(flowText).join(', ') });
      return;
    }
    if (isSeq(seq) && seq.items.length) {
      const first = seq.items[0] as { range: number[] };
      const dash = this.text.lastIndexOf('-', first.range[0]!);
      const last = seq.items.at(-1) as { range: number[] };
      const pos = this.lineEnd(last.range[1]! - 1);
      const nl = pos > 0 && this.text[pos - 1] !== '\n' ? '\n' : '';
      this.out.push({ at: pos, end: pos, text: nl + blockItems(entries, this.column(dash)) });
      return;
    }
    const pair = isMap(doc.contents)
      ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key)
      : undefined;
    if (pair) {
      // `key:` with nothing (or null) after it: the items go on the lines below.
      const k = pair.key as Scalar;
      const v = rangeOf(pair.value);
      const at = k.range![1];
      const end = Math.max(this.text.indexOf(':', at) + 1, v ? v[1]! : at);
      this.out.push({ at, end, text: `:\n${blockItems(entries, 2).replace(/\n$/, '')}` });
      return;
    }
    const nl = this.text.endsWith('\n') || this.text === '' ? '' : '\n';
    this.out.push({ at: this.text.length, end: this.text.length, text: `${nl}${key}:\n${blockItems(entries, 2)}` });
  }
}

/** A node's [start, value end, node end] in the text, when it has one (an empty value has none). */
const rangeOf = (node: unknown): number[] | undefined => (node as { range?: number[] } | null | undefined)?.range;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Entries as block list items at a column: `- first: …` then the other fields under it. */
function blockItems(entries: Record<string, unknown>[], column: number): string {
  const pad = ' '.repeat(column);
  return entries
    .map((e) =>
      Object.entries(e)
        .map(([k, v], i) => `${pad}${i === 0 ? '- ' : '  '}${k}: ${flowText(v)}\n`)
        .join(''),
    )
    .join('');
}

/** A value as YAML flow text: `{ lat: 40.4, lon: 49.8 }`, `[AZ-GA]`, a plain scalar where that reads back the same, else JSON's quoting. */
function flowText(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(flowText).join(', ')}]`;
  if (isRecord(v))
    return `{ ${Object.entries(v)
      .map(([k, x]) => `${k}: ${flowText(x)}`)
      .join(', ')} }`;
  if (typeof v === 'string') return PLAIN.test(v) || DAY.test(v) ? v : JSON.stringify(v);
  return String(v);
}

/** Strings YAML reads back as the same string when written plain, in flow and block context alike. */
const PLAIN = /^[A-Za-z][A-Za-z0-9 _./()-]*[A-Za-z0-9_.)]$|^[A-Za-z]$/;
const DAY = /^\d{4}-\d{2}(-\d{2})?$/;
