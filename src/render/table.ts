/** Plain-text tables for people: columns padded, numbers right-aligned. */
import { mdCell } from './markdown-text.js';
export interface Column {
  header: string;
  align?: 'left' | 'right';
}

export function textTable(columns: Column[], rows: string[][]): string {
  const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (columns[i]!.align === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join(
    '\n',
  );
}

/** GitHub-flavoured Markdown table (for pull-request comments). */
export function markdownTable(columns: Column[], rows: string[][]): string {
  // Every cell is text (names come from plans and users' files): line breaks, pipes and markup escaped.
  return [
    `| ${columns.map((c) => mdCell(c.header)).join(' | ')} |`,
    `| ${columns.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`),
  ].join('\n');
}

/**
 * A text cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR first: "CSV injection")
 * gets a leading apostrophe, which Excel and LibreOffice show as plain text. Numbers, negative ones
 * included, stay numbers.
 */
export function csvSafe(v: string | number): string {
  const s = String(v);
  if (typeof v === 'number' || !/^[=+\-@\t\r]/.test(s) || /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?$/.test(s)) return s;
  return `'${s}`;
}

/**
 * A result's table as data: what CSV writes (one table per file) and what a workbook puts on a
 * sheet (--format xlsx, one sheet per table). `name` names the sheet. Empty cells are ''.
 */
export interface DataTable {
  name: string;
  headers: string[];
  rows: (string | number)[][];
  /** What a cell means where its column alone does not say (an empty cell), written above a CSV's header. */
  notes?: string[];
}

export const dataTable = (
  name: string,
  headers: string[],
  rows: (string | number)[][],
  notes?: string[],
): DataTable => ({
  name,
  headers,
  rows,
  ...(notes ? { notes } : {}),
});

/**
 * A `#` comment line above a CSV's header (how the figures were made). A spreadsheet splits it at
 * its commas like any row, so a piece after a comma that starts like a formula (a plan named
 * `x,=HYPERLINK(…)`) gets csvSafe's apostrophe too; csv-parse, pandas and R skip the line whole.
 */
export function csvComment(line: string): string {
  return `# ${line.replace(/,(?=[=+\-@\t\r"])/g, ",'")}`;
}

/** A table as CSV, its notes as `#` lines above the header. */
export const csvOf = (t: DataTable): string =>
  [...(t.notes ?? []).map((n) => csvComment(`note: ${n}`)), csvTable(t.headers, t.rows)].join('\n');

/** RFC 4180 CSV: quote fields with commas, quotes or newlines; formula-like text defused (csvSafe). */
export function csvTable(headers: string[], rows: (string | number)[][]): string {
  const q = (v: string | number) => {
    // A spreadsheet reads "Infinity" or "NaN" as text: a figure that is not a number is an empty cell.
    if (typeof v === 'number' && !Number.isFinite(v)) return '';
    const s = csvSafe(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [headers.map(q).join(','), ...rows.map((r) => r.map(q).join(','))].join('\n');
}

export const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;
/** 1,234,567: thousands separated by commas (as toLocaleString('en-US'), without loading ICU). */
export const int = (x: number) => {
  const r = Math.round(x);
  return `${r < 0 ? '-' : ''}${String(Math.abs(r)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
};

/** A UTF-8 byte-order mark in front, for Excel, which otherwise opens UTF-8 CSV as the local code page. */
export const withBom = (csv: string) => (csv.startsWith('\uFEFF') ? csv : `\uFEFF${csv}`);
