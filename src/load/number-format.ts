/**
 * Numbers as spreadsheets set to other languages write them: a decimal comma (40,4093), digits
 * grouped by thousands (12,000 · 12.000 · 12 000 · 1.234.567,5). One file uses one convention, so
 * the reader collects evidence as it goes (any number whose reading is certain) and the few that
 * stay ambiguous (a population of 12,000 or 12.000: twelve, or twelve thousand?) are settled by it
 * at the end. With no evidence either way, 12.000 is twelve (as everywhere in code) and 12,000 is
 * refused with its position and how to write it. What was assumed is said once, in a note.
 */
import { type Said, said } from '../model/said.js';

export type Mark = '.' | ',';

// Number() reads 0x10 as 16, 0b11 as 3 and 0o17 as 15; no table, spreadsheet or graph file means that.
const RADIX_PREFIX = /^\s*[+-]?0[xXbBoO]/;

/** A number written in decimal, as Number() reads it; NaN for hexadecimal, binary and octal literals. */
export function decimalNumber(text: string): number {
  return RADIX_PREFIX.test(text) ? Number.NaN : Number(text);
}

/** A reading of one cell: the value, the decimal mark it proves (if any), and whether it is ambiguous. */
export interface Reading {
  value: number;
  /** The decimal mark this text proves the file uses. */
  mark?: Mark;
  /** Digits were grouped with this character. */
  group?: string;
  /**
   * One separator followed by exactly three digits, with one to three digits before it: `value` is
   * the decimal reading; the grouped one is value × 1000. Only population counts can be ambiguous:
   * a latitude or longitude is below 1000, so its single separator is always the decimal mark.
   */
  ambiguous?: Mark;
}

const GROUP_SPACES = /[ \u00a0\u202f']/;

/**
 * Reads a cell that is not a plain decimal. `counts`: the column holds counts (population), where a
 * single separator before three digits may group thousands. Undefined: not a number.
 */
export function readLocaleNumber(text: string, counts: boolean): Reading | undefined {
  let s = text.trim();
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1).trimStart();
  }
  if (s === '' || !/^[0-9][0-9., \u00a0\u202f']*$/.test(s)) return undefined;
  let group: string | undefined;
  const spaced = GROUP_SPACES.exec(s);
  if (spaced) {
    // Spaces (or apostrophes) only ever group: each group after the first has three digits.
    group = spaced[0] === "'" ? "'" : ' ';
    const parts = s.split(/[ \u00a0\u202f']/);
    if (!groupedOk(parts)) return undefined;
    s = parts.join('');
  }
  const dots = count(s, '.'),
    commas = count(s, ',');
  const decimal = (mark: Mark, other: Mark | undefined): Reading | undefined => {
    const at = s.lastIndexOf(mark);
    const whole = s.slice(0, at),
      frac = s.slice(at + 1);
    if (frac === '' || /[.,]/.test(frac)) return undefined;
    let intDigits = whole;
    if (other) {
      if (group) return undefined; // two ways of grouping in one number
      if (!groupedOk(whole.split(other))) return undefined;
      intDigits = whole.split(other).join('');
      group = other;
    } else if (/[.,]/.test(whole)) return undefined;
    return { value: sign * Number(`${intDigits}.${frac}`), mark, ...(group ? { group } : {}) };
  };
  if (dots && commas) return s.lastIndexOf(',') > s.lastIndexOf('.') ? decimal(',', '.') : decimal('.', ',');
  const sep: Mark | undefined = dots ? '.' : commas ? ',' : undefined;
  if (!sep) return { value: sign * Number(s), ...(group ? { group } : {}) };
  const n = dots + commas;
  if (n > 1) {
    // 1.234.567 or 1,234,567: grouping, so the other mark is the decimal one.
    if (group || !groupedOk(s.split(sep))) return undefined;
    return { value: sign * Number(s.split(sep).join('')), mark: sep === '.' ? ',' : '.', group: sep };
  }
  const reading = decimal(sep, undefined);
  if (!reading) return undefined;
  const [whole = '', frac = ''] = s.split(sep);
  if (counts && !group && frac.length === 3 && whole.length <= 3 && !whole.startsWith('0'))
    return { value: reading.value, ambiguous: sep };
  return reading;
}

/** Whether digit groups are a valid thousands grouping: 1–3 digits, then groups of exactly 3. */
function groupedOk(parts: string[]): boolean {
  if (parts.length < 2) return true;
  const [first = '', ...rest] = parts;
  if (!/^[0-9]{1,3}$/.test(first.replace(/[.,].*$/, ''))) return false;
  return rest.every((p, k) => (k === rest.length - 1 ? /^[0-9]{3}([.,][0-9]+)?$/.test(p) : /^[0-9]{3}$/.test(p)));
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

/** Where a cell is: the message names it so. */
export interface CellAt {
  /** "line 3" (CSV) or "row 3" (sheet). */
  row: Said;
  role: string;
}

const at = (c: CellAt) => said('read.number.cell', { role: c.role, row: c.row });
const markName = (m: Mark) => said(m === ',' ? 'read.number.comma' : 'read.number.point');

/**
 * A file's number convention, learnt from its cells. `proof` throws when a cell contradicts what
 * earlier cells proved; `settle` then decides the ambiguous ones.
 */
export class NumberConvention {
  /** The decimal mark, once a cell proved it, and the first such cell. */
  mark: Mark | undefined;
  markAt: CellAt | undefined;
  /** Whether any cell used a decimal comma, or grouped its digits, and the first that did. */
  commaAt: CellAt | undefined;
  groupAt: CellAt | undefined;
  group: string | undefined;

  /** Records what a reading proves; returns a message when it contradicts the file's earlier cells. */
  proof(r: Reading, cell: CellAt): Said | undefined {
    if (r.mark) {
      if (this.mark && this.mark !== r.mark)
        return said('read.number.mixed_marks', {
          mark: markName(r.mark),
          at: at(this.markAt!),
          other: markName(this.mark),
        });
      if (!this.mark) {
        this.mark = r.mark;
        this.markAt = cell;
      }
      if (r.mark === ',' && !this.commaAt) this.commaAt = cell;
    }
    if (r.group && !this.groupAt) {
      this.groupAt = cell;
      this.group = r.group;
    }
    return undefined;
  }

  /**
   * The value of an ambiguous cell once the whole file is read (its decimal reading given), or a
   * message when nothing in the file settles it.
   */
  settle(value: number, sep: Mark): { value: number } | { problem: Said } {
    if (this.mark === sep) return { value };
    if (this.mark) {
      if (!this.groupAt) this.group = sep;
      return { value: Math.round(value * 1000) };
    }
    if (sep === '.') return { value };
    return { problem: said('read.number.ambiguous') };
  }

  /** What was assumed, the parts of a note (none when the file was plain). */
  describe(): Said[] {
    const parts: Said[] = [];
    if (this.commaAt) parts.push(said('note.read.decimal_commas', { at: at(this.commaAt) }));
    const spaces = this.group === ' ';
    const mark = this.group ?? '';
    if (this.groupAt)
      parts.push(
        spaces
          ? said('note.read.grouped_spaces', { at: at(this.groupAt) })
          : said('note.read.grouped_mark', { mark, at: at(this.groupAt) }),
      );
    else if (this.group)
      parts.push(spaces ? said('note.read.spaces_before_three') : said('note.read.mark_before_three', { mark }));
    return parts;
  }
}
