/**
 * An imported facility list as plan YAML (docs/plan-format.md), in the layout of the plans under
 * plans/: one block per facility, fields in a fixed order, the location on one line. Each value
 * the list did not give carries a `# guessed: why` comment, so a reviewer sees what to check, and
 * the same list always gives the same bytes: a second import of an updated list differs only
 * where the list changed. Comments are in the run's language; keys, values and the `# guessed:`
 * marker (what a reviewer searches for) stay as a plan writes them.
 */
import type { ImportedFacility, ImportedPlan } from '../analysis/import-facilities.js';
import { ENGLISH, type Locale } from '../model/locale.js';
import type { Threshold } from '../model/plan.js';
import { type Said, said } from '../model/said.js';
import { type Provenance, provenanceLines } from './provenance.js';

export interface PlanYamlOptions {
  /** The list's file, named in the header comment. */
  source: string;
  /** The plan's name. */
  name: string;
  /** Only the centers: and branches: blocks (to paste into, or replace in, a plan). */
  facilitiesOnly?: boolean;
  /** Coverage standards to start from, and the plan they come from (the country's default). */
  standards?: { from: Said; center?: Threshold; branch?: Threshold };
  /** How it was made (render/provenance.ts): comment lines after the header, as every YAML output has. */
  provenance?: Provenance;
}

/** The plan's YAML; its comments in `L`'s language. */
export function planYaml(p: ImportedPlan, o: PlanYamlOptions, L: Locale = ENGLISH): string {
  const lines: string[] = [];
  const say = (s: Said) => comment(L.say(s));
  const guesses = [...p.centers, ...p.branches].reduce((n, f) => n + Object.keys(f.guessed).length, 0);
  const counts = { file: o.source, centers: p.centers.length, branches: p.branches.length };
  lines.push(`# ${say(said('note.import.header', counts))}`);
  lines.push(`# ${say(guesses ? said('note.import.guesses', { n: guesses }) : said('note.import.as_given'))}`);
  if (o.provenance) lines.push(...provenanceLines(o.provenance, L).map((l) => `# ${comment(l)}`));
  if (!o.facilitiesOnly) {
    lines.push(`name: ${scalar(o.name)}`);
    lines.push(`years: { from: ${p.years.from}, to: ${p.years.to} }`);
    const s = o.standards;
    const kinds = s ? (['center', 'branch'] as const).filter((k) => s[k]) : [];
    if (!s || kinds.length === 0) lines.push(`standards: {}  # ${say(said('note.import.set_standards'))}`);
    else {
      lines.push(`standards:  # guessed: ${say(said('note.guess.standards', { plan: s.from }))}`);
      for (const k of kinds) lines.push(`  ${k}: ${threshold(s[k]!)}`);
    }
  }
  lines.push(...facilityBlock('centers', p.centers, L), ...facilityBlock('branches', p.branches, L));
  return `${lines.join('\n')}\n`;
}

/** The `centers:` or `branches:` block. */
export function facilityBlock(key: 'centers' | 'branches', list: readonly ImportedFacility[], L: Locale): string[] {
  if (list.length === 0) return [`${key}: []`];
  return [`${key}:`, ...list.flatMap((f) => facilityLines(f, L))];
}

function facilityLines(f: ImportedFacility, L: Locale): string[] {
  const g = f.guessed;
  const guessed = (why: Said) => `# guessed: ${comment(L.say(why))}`;
  const line = (key: string, value: string, why?: Said) => `    ${key}: ${value}${why ? `  ${guessed(why)}` : ''}`;
  const out = [
    `  - id: ${scalar(f.id)}${g.id ? `  ${guessed(g.id)}` : ''}`,
    line('name', scalar(f.name), g.name),
    line('region', scalar(f.region), g.region),
    line('location', `{ lat: ${f.location.lat}, lon: ${f.location.lon} }`),
    line('status', f.status, g.status),
    line('opens', date(f.opens), g.opens),
  ];
  if (f.closes !== undefined) out.push(line('closes', date(f.closes)));
  if (f.center !== undefined) out.push(line('center', scalar(f.center), g.center));
  if (f.serves.length) out.push(line('serves', `[${f.serves.map(scalar).join(', ')}]`, g.serves));
  else if (g.serves) out.push(`    ${guessed(said('note.guess.serves', { why: g.serves }))}`);
  if (g.kind) out.push(`    ${guessed(g.kind)}`);
  if (f.assumedDate) out.push('    evidence: { date: assumption }');
  return out;
}

const date = (d: string | number) => String(d);

const threshold = (t: Threshold) =>
  `{ ${[t.within_km !== undefined ? `within_km: ${t.within_km}` : '', t.within_min !== undefined ? `within_min: ${t.within_min}` : ''].filter(Boolean).join(', ')} }`;

/** Comments are one line: no line breaks or control characters (the reader refused them; this keeps it so). */
const comment = (s: string) => s.replace(/\p{Cc}/gu, ' ');

const RESERVED = /^(true|false|yes|no|on|off|null|~|y|n)$/i;

/**
 * A string as a YAML scalar: plain when it reads back as the same string, else double-quoted
 * (JSON's escapes are YAML's).
 */
export function scalar(s: string): string {
  const plain =
    /^[\p{L}\p{N}_(][\p{L}\p{N}\p{Zs} _.,()/'’№"-]*$/u.test(s) &&
    !/\s$/.test(s) &&
    !RESERVED.test(s) &&
    !/^[-+]?[\d._]+([eE][-+]?\d+)?$/.test(s) &&
    !/^0[xo]/i.test(s) &&
    !/^\d{4}-\d{2}/.test(s);
  return plain ? s : JSON.stringify(s);
}

/**
 * A plan's text with its top-level `centers:` and `branches:` blocks replaced by the list's (added
 * at the end when missing). Everything else — keys, comments, layout — is left byte for byte, so
 * importing an updated list into the plan again changes only the facilities that changed.
 */
export function replaceFacilities(
  text: string,
  p: ImportedPlan,
  source: string,
  tool = 'dostplan',
  L: Locale = ENGLISH,
): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  for (const key of ['centers', 'branches'] as const) {
    const block = facilityBlock(key, key === 'centers' ? p.centers : p.branches, L);
    block[0] += `  # ${comment(L.say(said('note.import.block', { file: source, tool })))}`;
    const start = lines.findIndex((l) => new RegExp(`^${key}\\s*:`).test(l));
    if (start < 0) {
      lines.push(...block);
      continue;
    }
    // The block is its key's line and what is indented (or a list item) under it; blank lines
    // at its end belong to what follows.
    let end = start + 1;
    while (end < lines.length && (lines[end]!.trim() === '' || /^[\s-]/.test(lines[end]!))) end++;
    while (end > start + 1 && lines[end - 1]!.trim() === '') end--;
    lines.splice(start, end - start, ...block);
  }
  return `${lines.join(eol)}${eol}`;
}
