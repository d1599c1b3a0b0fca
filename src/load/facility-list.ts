/**
 * A facility list as a ministry keeps it (a CSV, a workbook's sheet, or GeoJSON points) read into
 * rows for `dostplan import`: each cell checked and converted (kinds and statuses in English,
 * Azerbaijani or Russian; dates as YYYY[-MM[-DD]], DD.MM.YYYY or a spreadsheet's date), every bad
 * cell refused at its position with what to write instead. What is blank stays blank: filling it
 * in is a guess, and guesses belong to analysis/import-facilities.ts, which marks each one.
 */
import { extname } from 'node:path';
import { InputError, type UserError } from '../errors.js';
import type { ListedRow } from '../analysis/import-facilities.js';
import type { FacilityKind, Status } from '../model/plan.js';
import { english, type Said, said } from '../model/said.js';
import { partsOf } from '../model/note.js';
import { type ColumnMap, checkColumnMap, resolveColumns } from './column-map.js';
import { NumberConvention, readLocaleNumber } from './number-format.js';
import { readCsvTable } from './table/csv-table.js';
import { isWorkbook } from './table/workbook.js';
import { type Cell, cellText, type Table } from './table/table.js';
import { readBinaryFile } from './text-input.js';
import { readTableText } from './table/file-kind.js';
import { jsonPlace, parseJsonText } from './json-text.js';
import { featureWords } from '../model/where-words.js';
import type { RunContext } from '../run/run-context.js';

export const FACILITY_ROLES = [
  'id',
  'name',
  'kind',
  'lat',
  'lon',
  'region',
  'opens',
  'closes',
  'status',
  'center',
  'serves',
] as const;

/** One row of the list, as written (blank fields undefined): what import-facilities.ts takes. */
export type ListedFacility = ListedRow;

export interface FacilityList {
  rows: ListedFacility[];
  /** What the reader assumed (separator, decimal commas), for a note. */
  assumed?: Said;
}

export interface FacilityListOptions {
  columns?: ColumnMap;
  /** The worksheet of a workbook (default: the first). */
  sheet?: string;
}

/** Reads the list; the format comes from the extension (.xlsx, .geojson/.json, else CSV). */
export async function readFacilityList(
  run: RunContext,
  path: string,
  o: FacilityListOptions = {},
): Promise<FacilityList> {
  const ext = extname(path).toLowerCase();
  let table: Table;
  if (isWorkbook(path)) {
    const { readXlsxTable } = await import('./table/xlsx-table.js');
    // A workbook is a ZIP archive: binary, read whole (the text path stops at a NUL byte).
    table = readXlsxTable(readBinaryFile(run, path), path, o.sheet);
  } else if (ext === '.geojson' || ext === '.json') table = geoJsonTable(readTableText(run, path), path);
  else table = readCsvTable(readTableText(run, path), path);
  return facilitiesOf(table, o.columns);
}

/** The rows of a table, each cell checked. */
export function facilitiesOf(table: Table, columns: ColumnMap = {}): FacilityList {
  checkColumnMap(columns, FACILITY_ROLES, `${table.file}: --columns`);
  const col = resolveColumns(
    table.header,
    FACILITY_ROLES,
    ['lat', 'lon'],
    columns,
    table.headerAt,
    'id,name,kind,lat,lon[,region,opens,closes,status,center,serves]',
  );
  const conv = new NumberConvention();
  const rows = table.rows.map((cells, r): ListedFacility => {
    const text = (role: (typeof FACILITY_ROLES)[number]) => {
      const k = col[role]!;
      return k < 0 ? '' : cellText(cells[k]);
    };
    const where = (role: (typeof FACILITY_ROLES)[number]) => table.where(r, col[role]!);
    const fail = (role: (typeof FACILITY_ROLES)[number], what: Said) =>
      new InputError(where(role), said('read.cell.problem', { role, problem: what }), 1);
    const coordinate = (role: 'lat' | 'lon', limit: number): number => {
      const cell = cells[col[role]!];
      const v = numberOf(cell, conv, (problem) => fail(role, problem), table.rowName(r), role);
      if (v === undefined) throw fail(role, said('read.facility.empty_coordinate'));
      if (!(Math.abs(v) <= limit)) throw fail(role, said('read.facility.coordinate_range', { limit }));
      return v;
    };
    const row: ListedFacility = {
      at: english(table.rowName(r)),
      row: table.rowName(r),
      where: { id: table.where(r, Math.max(col.id!, 0)), lat: where('lat') },
      lat: coordinate('lat', 90),
      lon: coordinate('lon', 180),
    };
    const id = text('id'),
      name = text('name'),
      region = text('region'),
      center = text('center'),
      serves = text('serves');
    for (const [role, value] of [
      ['id', id],
      ['name', name],
      ['region', region],
      ['center', center],
      ['serves', serves],
    ] as const)
      if (/\p{Cc}/u.test(value)) throw fail(role, said('read.facility.control'));
    if (id) row.id = id;
    if (name) row.name = name;
    if (region) row.region = region;
    if (center) row.center = center;
    // Codes (or unit names) apart by commas, semicolons or spaces: "AZ-GA, AZ-GYG".
    if (serves) row.serves = serves.split(/\s*[,;]\s*|\s+(?=[A-Z]{2}-)/).filter(Boolean);
    const kind = text('kind');
    if (kind) {
      const k = kindOf(kind);
      if (!k) throw fail('kind', said('read.facility.kind'));
      row.kind = k;
    }
    const status = text('status');
    if (status) {
      const s = statusOf(status);
      if (!s) throw fail('status', said('read.facility.status'));
      row.status = s;
    }
    for (const role of ['opens', 'closes'] as const) {
      const k = col[role]!;
      if (k < 0 || cellText(cells[k]) === '') continue;
      const d = dateOf(cells[k]!);
      if (d === undefined) throw fail(role, said('read.facility.date'));
      row[role] = d;
    }
    return row;
  });
  if (rows.length === 0) throw new InputError(table.headerAt, said('read.facility.no_rows'), 1);
  const assumed = partsOf([table.assumed, ...conv.describe()]);
  return { rows, ...(assumed ? { assumed } : {}) };
}

/** A coordinate cell: a spreadsheet number, a plain decimal, or a decimal comma (checked against the file's others). */
function numberOf(
  cell: Cell,
  conv: NumberConvention,
  fail: (problem: Said) => UserError,
  rowName: Said,
  role: string,
): number | undefined {
  if (typeof cell === 'number') return cell;
  const t = cellText(cell);
  if (t === '') return undefined;
  const reading = readLocaleNumber(t, false);
  if (!reading) throw fail(said('read.facility.not_a_number'));
  const problem = conv.proof(reading, { row: rowName, role });
  if (problem) throw fail(problem);
  return reading.value;
}

const KINDS: Record<string, FacilityKind> = {
  center: 'center',
  centre: 'center',
  mərkəz: 'center',
  merkez: 'center',
  центр: 'center',
  branch: 'branch',
  filial: 'branch',
  филиал: 'branch',
};

function kindOf(s: string): FacilityKind | undefined {
  const words = s.toLowerCase().split(/[^\p{L}]+/u);
  for (const w of words) if (KINDS[w]) return KINDS[w];
  return undefined;
}

const STATUSES: Record<string, Status> = {
  open: 'open',
  opened: 'open',
  active: 'open',
  operating: 'open',
  açıq: 'open',
  fəaliyyətdə: 'open',
  открыт: 'open',
  работает: 'open',
  under_construction: 'under_construction',
  'under construction': 'under_construction',
  construction: 'under_construction',
  tikinti: 'under_construction',
  tikilir: 'under_construction',
  строится: 'under_construction',
  planned: 'planned',
  plan: 'planned',
  planlaşdırılır: 'planned',
  планируется: 'planned',
  closed: 'closed',
  bağlı: 'closed',
  bağlanıb: 'closed',
  закрыт: 'closed',
};

function statusOf(s: string): Status | undefined {
  return (
    STATUSES[
      s
        .toLowerCase()
        .replace(/[-\s]+/g, ' ')
        .trim()
    ] ?? STATUSES[s.toLowerCase().replace(/[-\s]+/g, '_')]
  );
}

/** Days from 1899-12-30 (a spreadsheet's day 0) to 1970-01-01. */
const SHEET_EPOCH = 25569;

/**
 * A plan date (YYYY as a number, else YYYY-MM or YYYY-MM-DD) from what people write: the plan's
 * own forms, DD.MM.YYYY, DD/MM/YYYY when the day is past 12 (else the order is unknowable),
 * MM.YYYY, or a spreadsheet's date serial. Undefined when it is none of them.
 */
export function dateOf(cell: string | number): string | number | undefined {
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 1900 && cell <= 2100) return cell;
    // A workbook's date: days since 1899-12-30; plan years are 1900–2100 (serials 1–73415).
    if (cell >= 1 && cell < 73416)
      return new Date((Math.floor(cell) - SHEET_EPOCH) * 86400000).toISOString().slice(0, 10);
    return undefined;
  }
  const s = cell.trim();
  let m = /^(\d{4})$/.exec(s);
  if (m) return Number(m[1]);
  m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T ].*)?$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
  m = /^(\d{1,2})[./](\d{4})$/.exec(s);
  if (m) return ymd(Number(m[2]), Number(m[1]), undefined);
  m = /^(\d{1,2})([./])(\d{1,2})\2(\d{4})$/.exec(s);
  if (m) {
    const a = Number(m[1]),
      b = Number(m[3]),
      y = Number(m[4]);
    // Dots are day.month everywhere they are used; slashes are day/month or month/day.
    if (m[2] === '.' || a > 12 || a === b) return ymd(y, b, a);
    return undefined;
  }
  return undefined;
}

function ymd(y: number, mo: number, d: number | undefined): string | undefined {
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12) return undefined;
  const mm = String(mo).padStart(2, '0');
  if (d === undefined) return `${y}-${mm}`;
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d < 1 || d > last) return undefined;
  return `${y}-${mm}-${String(d).padStart(2, '0')}`;
}

/** GeoJSON Point features as a table: their properties, and lat/lon from the geometry. */
function geoJsonTable(text: string, file: string): Table {
  // A syntax error is placed at its line and column, never quoted (json-text.ts).
  const fc = parseJsonText(text, file) as { type?: unknown; features?: unknown } | null;
  if (fc === null || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features))
    throw new InputError(`${file}:1:1`, said('read.geojson.points'), 1);
  const features = fc.features as { geometry?: { type?: unknown; coordinates?: unknown }; properties?: unknown }[];
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const f of features) {
    const p = f?.properties;
    if (p && typeof p === 'object')
      for (const k of Object.keys(p))
        if (!seen.has(k) && k !== 'lat' && k !== 'lon') {
          seen.add(k);
          keys.push(k);
        }
  }
  const header = [...keys, 'lat', 'lon'];
  const at = (path: (string | number)[]) => jsonPlace(text, file, ['features', ...path]);
  const rows = features.map((f, i): Cell[] => {
    const c = f?.geometry?.coordinates;
    // GeoJSON has numbers: a coordinate in quotes is refused as the population reader refuses it.
    if (Array.isArray(c))
      for (const [k, role] of [[1, 'lat'] as const, [0, 'lon'] as const])
        if (typeof c[k] === 'string')
          throw new InputError(at([i, 'geometry', 'coordinates', k]), said('read.number_as_text', { role }), 1);
    if (f?.geometry?.type !== 'Point' || !Array.isArray(c) || typeof c[0] !== 'number' || typeof c[1] !== 'number')
      throw new InputError(at([i, 'geometry']), said('read.facility.geometry', { feature: featureWords(i) }), 1);
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const cell = (v: unknown): Cell => (typeof v === 'string' || typeof v === 'number' ? v : undefined);
    return [...keys.map((k) => cell(p[k])), c[1], c[0]];
  });
  return {
    file,
    header,
    rows,
    headerAt: `${file}:1:1`,
    where: (row, field) =>
      header[field] === 'lat' || header[field] === 'lon'
        ? at([row, 'geometry', 'coordinates', header[field] === 'lat' ? 1 : 0])
        : at([row, 'properties', header[field]!]),
    rowName: (row) => featureWords(row),
  };
}
