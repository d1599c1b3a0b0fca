/**
 * Which of a file's columns plays which role (lat, lon, population, …): the file's own names by
 * default, or the user's mapping (`--columns lat=Y,lon=X`, or `columns:` under a plan's
 * `population:`). A required column that is missing is reported with the columns the file has and
 * the likely match, so a renamed column is one flag away, as in a GIS's field mapping.
 */
import { InputError, UserError } from '../errors.js';
import { type Said, said } from '../model/said.js';
import { closest } from '../model/suggest.js';

/** role → the file's column name (as the user wrote it; matched without regard to case or spaces). */
export type ColumnMap = Readonly<Record<string, string>>;

/** Names people give each role, for "did you mean": English, Azerbaijani, Russian, GIS habits. */
const LIKELY: Record<string, string[]> = {
  lat: ['latitude', 'y', 'lat_dd', 'enlem', 'en', 'широта', 'point_y', 'ycoord', 'y_coord'],
  lon: ['longitude', 'lng', 'long', 'x', 'lon_dd', 'uzunluq', 'долгота', 'point_x', 'xcoord', 'x_coord'],
  population: ['pop', 'people', 'persons', 'count', 'value', 'total', 'əhali', 'ehali', 'население', 'inhabitants'],
  region: ['code', 'region_code', 'iso', 'iso_code', 'unit', 'rayon', 'district_code', 'adm1', 'adm1_pcode'],
  name: ['title', 'label', 'site', 'place', 'ad', 'adı', 'название', 'facility'],
  h3: ['h3index', 'h3_index', 'hex_id', 'hex', 'h3_cell', 'cell'],
  id: ['code', 'facility_id', 'site_id', 'key', 'no', 'nr', 'number'],
  kind: ['type', 'category', 'class', 'növ', 'тип'],
  opens: ['opened', 'opening', 'open_date', 'opening_date', 'date', 'year', 'since'],
  closes: ['closed', 'closing', 'close_date', 'closing_date'],
  status: ['state', 'condition'],
  center: ['parent', 'center_id', 'parent_id', 'hub'],
};

/** Parses `lat=Y,lon=X`: each role once, a name for each (exit 2 with the fix when malformed). */
export function parseColumnMap(spec: string, roles: readonly string[], flag = '--columns'): ColumnMap {
  const out: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const eq = part.indexOf('=');
    const role = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const name = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (eq < 0 || role === '' || name === '') throw new UserError(said('read.columns.syntax', { flag }));
    checkRole(role, roles, flag);
    if (role in out) throw new UserError(said('read.columns.twice', { flag, role }));
    out[role] = name;
  }
  return out;
}

/** The roles of a mapping given in a plan or by a caller, checked against what the reader knows. */
export function checkColumnMap(map: ColumnMap, roles: readonly string[], where: string): void {
  for (const role of Object.keys(map)) checkRole(role, roles, where);
}

function checkRole(role: string, roles: readonly string[], where: string): void {
  if (!roles.includes(role)) {
    const near = closest(role, roles);
    throw new UserError(
      said('read.columns.no_role', {
        where,
        role,
        roles: roles.join(', '),
        near: near ? said('read.columns.did_you_mean', { near }) : '',
      }),
    );
  }
}

const norm = (s: string) => s.trim().toLowerCase();

/**
 * Each role's field index (0-based) in `header`, -1 for an optional role the file lacks. A role
 * is found under its mapped name, else its own name; when several columns share the name the last
 * one counts (as a keyed row would). `required` roles must be found.
 */
export function resolveColumns(
  header: readonly string[],
  roles: readonly string[],
  required: readonly string[],
  map: ColumnMap | undefined,
  where: string,
  expected: string,
): Record<string, number> {
  const names = header.map(norm);
  const out: Record<string, number> = {};
  const missing: string[] = [];
  for (const role of roles) {
    const mapped = map?.[role];
    const at = names.lastIndexOf(norm(mapped ?? role));
    if (at < 0 && (mapped !== undefined || required.includes(role))) missing.push(role);
    out[role] = at;
  }
  if (missing.length) throw missingColumns(header, missing, map, where, expected);
  return out;
}

function missingColumns(
  header: readonly string[],
  roles: string[],
  map: ColumnMap | undefined,
  where: string,
  expected: string,
): UserError {
  const named = header.map((h) => h.trim()).filter((h) => h !== '');
  // A header is shown (and guessed from) only when it looks like column names: the first line of
  // any other file (a password file, a key) named by a plan is never quoted (docs/input-limits.md).
  const nameLike = named.length <= 30 && named.every((h) => COLUMN_NAME.test(h));
  const has = nameLike ? named : [];
  const list = !named.length
    ? said('read.columns.header_empty')
    : nameLike
      ? said('read.columns.has', { columns: has.map(shortName).join(', ') })
      : named.length === 1
        ? said('read.columns.not_names_one')
        : said('read.columns.not_names', { n: named.length });
  const what = roles
    .map((r) =>
      map?.[r] === undefined
        ? said('read.columns.missing', { role: r })
        : said('read.columns.missing_mapped', { column: shortName(map[r]), role: r }),
    )
    .reduce((a, b) => said('read.columns.list', { a, b }));
  const guesses = roles.map((r) => [r, likelyColumn(has, r, map?.[r])] as const);
  const fix = guesses.every(([, g]) => g !== undefined)
    ? said('read.columns.fix_guess', {
        guesses: guesses
          .map(([r, g]): Said => said('read.columns.guess', { column: shortName(g!), role: r }))
          .reduce((a, b) => said('read.columns.list', { a, b })),
        flag: '--columns',
        spec: guesses.map(([r, g]) => `${r}=${flagName(g!)}`).join(','),
      })
    : said('read.columns.fix_name', {
        expected,
        flag: '--columns',
        spec: roles.map((r) => `${r}=NAME`).join(','),
      });
  return new InputError(where, said('read.columns.problem', { what, list, fix }), 1);
}

/** The file's column most likely meant: a known synonym, else a near spelling of the role or the mapped name. */
export function likelyColumn(columns: readonly string[], role: string, mapped?: string): string | undefined {
  const byName = new Map(columns.map((c) => [norm(c), c]));
  for (const alias of LIKELY[role] ?? []) {
    const hit = byName.get(alias);
    if (hit !== undefined) return hit;
  }
  return closest(mapped ?? role, columns) ?? (mapped !== undefined ? closest(role, columns) : undefined);
}

/** What a column name looks like: letters, digits, spaces and _ . - ( ) %, at most 40 characters. */
const COLUMN_NAME = /^[\p{L}\p{N} _.()%-]{1,40}$/u;

// biome-ignore lint/suspicious/noControlCharactersInRegex: replacing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const shortName = (s: string) => {
  const t = s.replace(CONTROL, '?');
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
};
/** A column name as it would be typed on a command line (quoted when it holds spaces or commas). */
const flagName = (s: string) => (/^[\p{L}\p{N}_.-]+$/u.test(s) ? shortName(s) : `'${shortName(s).replace(/'/g, '')}'`);
