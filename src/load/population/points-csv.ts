/**
 * A CSV of places (lat, lon, population[, region[, name]]) read straight into columns: one scan
 * over the text with the CSV cursor (load/csv-reader.ts, the dialect), numbers parsed in place (no
 * string per cell), region codes interned. A million rows take a few hundred milliseconds where a
 * general parser building one object per row took seconds and most of a gigabyte.
 *
 * A header row (names trimmed, any case) names the columns. Numbers may use decimal commas and grouped thousands
 * (load/number-format.ts); what was assumed comes back in `assumed`. Columns may be renamed
 * (load/column-map.ts). Every problem is reported at file:line:column with what to do.
 */
import { InputError } from '../../errors.js';
import { type Said, said } from '../../model/said.js';
import { partsOf } from '../../model/note.js';
import { type ColumnMap, resolveColumns } from '../column-map.js';
import { delimiterOf, delimiterSaid, separatedBy } from '../csv-dialect.js';
import { CR, CsvCursor, cellPlace, LF, QUOTE } from '../csv-reader.js';
import { decimalNumber, type Mark, NumberConvention, type Reading, readLocaleNumber } from '../number-format.js';
import type { PointRole, PointRows } from './point-rows.js';

/** No place holds more people than the world; bigger values are typos and would overflow the sums. */
export const MAX_POINT_POPULATION = 1e10;

/** The columns the reader uses; others are skipped. */
export const POINT_ROLES = ['lat', 'lon', 'population', 'region', 'name'] as const;
const ROLES = POINT_ROLES;

// Exact powers of ten: m / 10^k with m < 2^53 and k ≤ 22 is one correctly rounded division, the
// same double as Number() gives for the decimal text.
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * Reads the rows. `needPopulation: false` lists candidate sites (lat, lon[, name, region]): the
 * population column is then optional and read as 0.
 */
export function readPointsCsv(text: string, path: string, needPopulation: boolean, columns?: ColumnMap): PointRows {
  const delimiter = delimiterOf(text);
  const conv = new NumberConvention();
  const scan = new Scanner(text, path, delimiter, conv);
  const header = scan.record();
  if (header === undefined) throw new InputError(`${path}:1:1`, said('read.points.no_rows'), 1);
  const names = header;
  const required = needPopulation ? ['lat', 'lon', 'population'] : ['lat', 'lon'];
  const expected = `lat,lon${needPopulation ? ',population' : ''}[,region,name]`;
  const index = resolveColumns(header, ROLES, required, columns, `${path}:1:1`, expected);
  // Each field's role (a repeated column name counts once, at its last place, as a keyed row would).
  // Candidate sites carry no people: a population column there is not read.
  const role = names.map((_, k) => ROLES.findIndex((r) => index[r] === k && (r !== 'population' || needPopulation)));
  const named = role.includes(ROLES.indexOf('name'));
  const rows = new RowBuilder(scan.lineCountBound(), named);
  const codes = new Interner(rows.regionCodes);
  const cell = new Float64Array(3);
  // Where this row's lat, lon, population and region cells start (offsets, -1 when not read).
  const starts = new Float64Array(4);
  let region = -1,
    name = '';
  // A cell's place: the line the cursor was on when it started, and its character column.
  const cellLine = new Float64Array(4);
  const at = (r: number) => {
    const p = scan.placeOf(starts[r]!, cellLine[r]!);
    return `${path}:${p.line}:${p.column}`;
  };
  const emptyCell = (r: number) => new InputError(at(r), emptyCellSaid(ROLES[r]!, needPopulation), 1);
  // Population cells that read as twelve or twelve thousand (12,000 · 12.000), settled at the end.
  const pending: { row: number; where: string; sep: Mark }[] = [];
  const learn = (reading: Reading, r: number, line: number) => {
    const problem = conv.proof(reading, { row: said('read.at.line', { line }), role: ROLES[r]! });
    if (problem) throw new InputError(at(r), said('read.cell.problem', { role: ROLES[r]!, problem }), 1);
    if (reading.ambiguous) pending.push({ row: rows.count, where: at(r), sep: reading.ambiguous });
  };
  while (scan.startRecord()) {
    const line = scan.line;
    const start = scan.recordStart;
    cell.fill(Number.NaN);
    if (!needPopulation) cell[2] = 0;
    region = -1;
    name = '';
    let nameAt = 0,
      nameLine = line;
    for (let k = 0; ; k++) {
      if (k >= names.length)
        throw new InputError(
          `${path}:${scan.line}:${scan.column()}`,
          said('read.csv.more_fields', { header: names.length, separator: delimiterSaid(delimiter) }),
          1,
        );
      const r = role[k]!;
      if (r >= 0 && r <= 3) {
        starts[r] = scan.cellStart();
        cellLine[r] = scan.line;
      }
      if (r >= 0 && r <= 2) {
        const v = scan.number(r === 2);
        if (v === undefined) throw emptyCell(r);
        cell[r] = v;
        if (scan.reading) {
          learn(scan.reading, r, line);
          scan.reading = undefined;
        }
      } else if (r === 3) {
        // A million rows name a few dozen codes: each is matched in place, a string made once per code.
        const known = codes.count;
        region = scan.unquoted() ? codes.find(text, scan.from, scan.to) : codes.add(scan.text());
        if (codes.count > known) checkText(rows.regionCodes[region]!, at(3));
      } else if (r === 4) {
        nameAt = scan.cellStart();
        nameLine = scan.line;
        name = scan.text();
      } else scan.skip();
      if (!scan.separator()) {
        if (k + 1 < names.length)
          throw new InputError(
            `${path}:${scan.line}:${scan.column()}`,
            said('read.csv.fewer_fields', { n: k + 1, header: names.length }),
            1,
          );
        break;
      }
    }
    if (name !== '') {
      const p = scan.placeOf(nameAt, nameLine);
      checkText(name, `${path}:${p.line}:${p.column}`);
    }
    const problem = pointProblem(cell[0]!, cell[1]!, cell[2]!);
    if (problem) throw new InputError(at(ROLES.indexOf(problem.role)), problem.said, 1);
    rows.push(cell[0]!, cell[1]!, cell[2]!, region, name, line, start);
  }
  if (rows.count === 0) throw new InputError(`${path}:1:1`, said('read.points.no_rows'), 1);
  for (const p of pending) {
    const settled = conv.settle(rows.population[p.row]!, p.sep);
    if ('problem' in settled)
      throw new InputError(p.where, said('read.cell.problem', { role: 'population', problem: settled.problem }), 1);
    rows.population[p.row] = settled.value;
  }
  const assumed = partsOf([separatedBy(delimiter), ...conv.describe()]);
  // A row's cell, found again from the row's start when a later message (its unit) needs it.
  const where = (i: number, r: PointRole = 'lat') => {
    const p = cellPlace(text, delimiter, true, rows.starts[i]!, rows.lines[i]!, Math.max(index[r] ?? 0, 0));
    return `${path}:${p.line}:${p.column}`;
  };
  return { ...rows.done(where), ...(assumed ? { assumed } : {}) };
}

/**
 * What is wrong with a point (every point file: CSV rows, sheets, GeoJSON features) and which of
 * its values it is, so the message points at that cell; undefined when nothing is.
 */
export function pointProblem(
  lat: number,
  lon: number,
  population: number,
): { role: 'lat' | 'lon' | 'population'; said: Said } | undefined {
  if (!Number.isFinite(lat) || Math.abs(lat) > 90) return { role: 'lat', said: said('read.points.lat') };
  if (!Number.isFinite(lon) || Math.abs(lon) > 180) return { role: 'lon', said: said('read.points.lon') };
  if (!Number.isFinite(population) || population < 0 || population > MAX_POINT_POPULATION)
    return {
      role: 'population',
      said: said('read.points.population', { max: MAX_POINT_POPULATION.toExponential() }),
    };
  return undefined;
}

/** An empty lat, lon or population cell: what every row needs (sites need no population). */
export function emptyCellSaid(role: string, needPopulation: boolean): Said {
  return said(needPopulation ? 'read.points.empty_cell' : 'read.points.empty_cell_site', { role });
}

/** Names end up in terminal tables (distances --worst): no escape codes or line breaks. */
export function checkText(s: string, where: string): void {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  if (/[\u0000-\u001f\u007f-\u009f]/.test(s)) throw new InputError(where, said('read.points.control'), 1);
}

/** Codes (region column) by a hash of their characters, so a row's code is found without a new string. */
class Interner {
  private readonly byHash = new Map<number, number[]>();

  constructor(private readonly codes: string[]) {}

  get count(): number {
    return this.codes.length;
  }

  /** The index of s[from, to) (added when new); -1 for an empty span. */
  find(s: string, from: number, to: number): number {
    if (from === to) return -1;
    let h = 0;
    for (let i = from; i < to; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
    const list = this.byHash.get(h);
    if (list)
      for (const k of list) {
        const code = this.codes[k]!;
        if (code.length !== to - from) continue;
        let same = true;
        for (let i = 0; same && i < code.length; i++) same = code.charCodeAt(i) === s.charCodeAt(from + i);
        if (same) return k;
      }
    const k = this.codes.push(s.slice(from, to)) - 1;
    if (list) list.push(k);
    else this.byHash.set(h, [k]);
    return k;
  }

  add(code: string): number {
    return this.find(code, 0, code.length);
  }
}

/** Columns that grow as rows come; `lines` keeps each row's line for later messages. */
class RowBuilder {
  count = 0;
  lat: Float64Array;
  lon: Float64Array;
  population: Float64Array;
  region: Int32Array;
  lines: Uint32Array;
  /** Where each row starts in the text (a V8 string is shorter than 2^32). */
  starts: Uint32Array;
  readonly regionCodes: string[] = [];
  private readonly names: string[] = [];

  constructor(
    capacity: number,
    private readonly named: boolean,
  ) {
    this.lat = new Float64Array(capacity);
    this.lon = new Float64Array(capacity);
    this.population = new Float64Array(capacity);
    this.region = new Int32Array(capacity);
    this.lines = new Uint32Array(capacity);
    this.starts = new Uint32Array(capacity);
  }

  push(lat: number, lon: number, population: number, region: number, name: string, line: number, start: number): void {
    if (this.count === this.lat.length) this.grow();
    const i = this.count++;
    this.lat[i] = lat;
    this.lon[i] = lon;
    this.population[i] = population;
    this.region[i] = region;
    this.lines[i] = line;
    this.starts[i] = start;
    if (this.named) this.names.push(name);
  }

  /** Only for text whose lines end in a lone CR, which the capacity (line feeds + 1) does not foresee. */
  private grow(): void {
    const n = this.count * 2 + 16;
    const more = <T extends Float64Array | Int32Array | Uint32Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.lat = more(this.lat, new Float64Array(n));
    this.lon = more(this.lon, new Float64Array(n));
    this.population = more(this.population, new Float64Array(n));
    this.region = more(this.region, new Int32Array(n));
    this.lines = more(this.lines, new Uint32Array(n));
    this.starts = more(this.starts, new Uint32Array(n));
  }

  done(where: PointRows['where']): PointRows {
    const n = this.count;
    return {
      count: n,
      lat: this.lat.subarray(0, n),
      lon: this.lon.subarray(0, n),
      population: this.population.subarray(0, n),
      region: this.region.subarray(0, n),
      regionCodes: this.regionCodes,
      ...(this.named ? { names: this.names } : {}),
      where,
    };
  }
}

/** The CSV cursor (load/csv-reader.ts) that also reads numbers where they stand. */
class Scanner extends CsvCursor {
  /** What the last number() proved or left open about the file's number convention, when anything. */
  reading: Reading | undefined;

  constructor(
    s: string,
    path: string,
    delimiter: string,
    private readonly conv: NumberConvention,
  ) {
    super(s, path, delimiter);
  }

  /** A numeric field, undefined when empty; `counts`: a population (see readLocaleNumber). */
  number(counts: boolean): number | undefined {
    this.spaces();
    const { s, sep } = this;
    // The common case in one pass: a plain decimal ending at a comma or the end of the line.
    let i = this.i,
      m = 0,
      digits = 0,
      frac = -1,
      c = s.charCodeAt(i);
    const neg = c === 45; /* - */
    if (neg) c = s.charCodeAt(++i);
    for (; ; c = s.charCodeAt(++i)) {
      if (c >= 48 && c <= 57) {
        m = m * 10 + (c - 48);
        digits++;
        if (frac >= 0) frac++;
      } else if (c === 46 /* . */ && frac < 0) frac = 0;
      else break;
    }
    if (digits > 0 && digits <= 15 && (c === sep || c === LF || c === CR || i >= this.n)) {
      const start = this.i;
      this.i = i;
      const v = frac > 0 ? m / POW10[frac]! : m;
      // A decimal point proves the file's convention, unless already proved (the common case: no work).
      if (frac > 0 && this.conv.mark !== '.') this.reading = readLocaleNumber(s.slice(start, i), counts);
      return neg ? -v : v;
    }
    if (s.charCodeAt(this.i) === QUOTE) {
      const v = this.quoted().trim();
      return v === '' ? undefined : this.localeAware(v, decimalNumber(v), counts);
    }
    this.unquoted();
    if (this.to === this.from) return undefined;
    return this.localeAware(s.slice(this.from, this.to), parseDecimal(s, this.from, this.to), counts);
  }

  /**
   * A number as Number() reads it, unless it has a decimal comma or grouped digits (then it is read
   * as readLocaleNumber says), or a decimal point (which proves the file's convention).
   */
  private localeAware(text: string, plain: number, counts: boolean): number {
    if (!Number.isNaN(plain) && !/^[+-]?\d+\.\d+$/.test(text.trim())) return plain;
    const r = readLocaleNumber(text, counts);
    if (!r) return plain;
    if (r.mark || r.group || r.ambiguous) this.reading = r;
    return r.value;
  }
}

/**
 * A decimal number from s[start, end): plain decimals ([+-]digits[.digits], up to 15 digits) are
 * parsed without making a string; anything else (exponents, more digits, junk) goes to Number(),
 * whose answer is the reference in every case.
 */
export function parseDecimal(s: string, start: number, end: number): number {
  let i = start,
    neg = false;
  const c0 = s.charCodeAt(i);
  if (c0 === 45 /* - */) {
    neg = true;
    i++;
  } else if (c0 === 43 /* + */) i++;
  let m = 0,
    digits = 0,
    frac = 0,
    dot = false;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      if (dot) frac++;
    } else if (c === 46 /* . */ && !dot) dot = true;
    else return decimalNumber(s.slice(start, end));
  }
  if (digits === 0 || digits > 15) return decimalNumber(s.slice(start, end));
  const v = frac ? m / POW10[frac]! : m;
  return neg ? -v : v;
}
