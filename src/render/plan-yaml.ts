/**
 * An imported facility list as plan YAML (docs/plan-format.md), in the layout of the plans under
 * plans/: one block per facility, fields in a fixed order, the location on one line. Each value
 * the list did not give carries a `# guessed: why` comment, so a reviewer sees what to check, and
 * the same list always gives the same bytes: a second import of an updated list differs only
 * where the list changed.
 */
import type { ImportedFacility, ImportedPlan } from '../analysis/import-facilities.js';
import type { Threshold } from '../model/plan.js';
import { type Provenance, provenanceLines } from './provenance.js';

export interface PlanYamlOptions {
  /** The list's file, named in the header comment. */
  source: string;
  /** The plan's name. */
  name: string;
  /** Only the centers: and branches: blocks (to paste into, or replace in, a plan). */
  facilitiesOnly?: boolean;
  /** Coverage standards to start from, and the plan they come from (the country's default). */
  standards?: { from: string; center?: Threshold; branch?: Threshold };
  /** How it was made (render/provenance.ts): comment lines after the header, as every YAML output has. */
  provenance?: Provenance;
}

export function planYaml(p: ImportedPlan, o: PlanYamlOptions): string {
  const lines: string[] = [];
  const guesses = [...p.centers, ...p.branches].reduce((n, f) => n + Object.keys(f.guessed).length, 0);
  lines.push(
    `# Imported from ${comment(o.source)} by dostplan import: ${p.centers.length} center(s), ${p.branches.length} branch(es).`,
  );
  lines.push(
    guesses
      ? `# ${guesses} value(s) were not in the list and are marked "# guessed:"; check them.`
      : '# Every facility value is as the list gives it.',
  );
  if (o.provenance) lines.push(...provenanceLines(o.provenance).map((l) => `# ${comment(l)}`));
  if (!o.facilitiesOnly) {
    lines.push(`name: ${scalar(o.name)}`);
    lines.push(`years: { from: ${p.years.from}, to: ${p.years.to} }`);
    const s = o.standards;
    const kinds = s ? (['center', 'branch'] as const).filter((k) => s[k]) : [];
    if (!s || kinds.length === 0)
      lines.push('standards: {}  # set the coverage standards, e.g. center: { within_km: 30 }');
    else {
      lines.push(`standards:  # guessed: those of ${comment(s.from)}; set your own`);
      for (const k of kinds) lines.push(`  ${k}: ${threshold(s[k]!)}`);
    }
  }
  lines.push(...facilityBlock('centers', p.centers), ...facilityBlock('branches', p.branches));
  return `${lines.join('\n')}\n`;
}

/** The `centers:` or `branches:` block. */
export function facilityBlock(key: 'centers' | 'branches', list: readonly ImportedFacility[]): string[] {
  if (list.length === 0) return [`${key}: []`];
  return [`${key}:`, ...list.flatMap(facilityLines)];
}

function facilityLines(f: ImportedFacility): string[] {
  const g = f.guessed;
  const line = (key: string, value: string, why?: string) =>
    `    ${key}: ${value}${why ? `  # guessed: ${comment(why)}` : ''}`;
  const out = [
    `  - id: ${scalar(f.id)}${g.id ? `  # guessed: ${comment(g.id)}` : ''}`,
    line('name', scalar(f.name), g.name),
    line('region', scalar(f.region), g.region),
    line('location', `{ lat: ${f.location.lat}, lon: ${f.location.lon} }`),
    line('status', f.status, g.status),
    line('opens', date(f.opens), g.opens),
  ];
  if (f.closes !== undefined) out.push(line('closes', date(f.closes)));
  if (f.center !== undefined) out.push(line('center', scalar(f.center), g.center));
  if (f.serves.length) out.push(line('serves', `[${f.serves.map(scalar).join(', ')}]`, g.serves));
  else if (g.serves) out.push(`    # guessed: serves ${comment(g.serves)}`);
  if (g.kind) out.push(`    # guessed: a ${f.kind}, as ${comment(g.kind)}`);
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
export function replaceFacilities(text: string, p: ImportedPlan, source: string, tool = 'dostplan'): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  for (const key of ['centers', 'branches'] as const) {
    const block = facilityBlock(key, key === 'centers' ? p.centers : p.branches);
    block[0] += `  # imported from ${comment(source)} by ${tool} import`;
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
