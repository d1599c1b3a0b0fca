/**
 * A facility list (load/facility-list.ts) made into a plan's centers and branches. What the list
 * says is kept as written; what it leaves blank is filled in from where each facility stands and
 * from the rest of the list, and every such guess is named (the renderer writes it as a comment):
 *
 * - id: made from the name (Azerbaijani letters to ASCII), unique;
 * - kind: a branch when the row names a parent center, else a center;
 * - region: the unit whose polygon it stands in (a name in the column becomes its code);
 * - status: from the dates, as of a given day;
 * - opens: the plan's first year (a branch: its center's opening, when later), marked as an assumption;
 * - center (a branch's parent): the nearest center of the list, or the center named by its name;
 * - serves: a center, the unit it stands in (in the capital, its nearest district) and each unit of
 *   its economic region with no center of its own whose seat is nearer to it than to the region's
 *   other centers (the rule plans/asan.yaml was written by); a branch, the unit it stands in. Where
 *   two facilities of a kind stand in one unit, the one nearest its seat serves it.
 */
import { InputError } from '../errors.js';
import { figure, plainAmount, type Said, said } from '../model/said.js';
import { partsOf } from '../model/note.js';
import { geodesicKm } from '../geo/geodesic.js';
import { dayKey, isPlanDay, parsePlanDate, type PlanDay } from '../model/dates.js';
import type { FacilityKind, Status } from '../model/plan.js';
import type { RegionIndex } from '../model/region-index.js';

/** One listed row (the reader's ListedFacility), as this module needs it. */
export interface ListedRow {
  /** The row as a person names it ("line 3", "row 3"), in English, for the guesses' comments. */
  at: string;
  /** Where the row is, as a message ("line 3"), for a guess's comment in the run's language. */
  row?: Said;
  /** Where the row's id cell and lat cell are ("file:line:column", a sheet's cell), for refusals. */
  where: { id: string; lat: string };
  id?: string;
  name?: string;
  kind?: FacilityKind;
  lat: number;
  lon: number;
  region?: string;
  opens?: string | number;
  closes?: string | number;
  status?: Status;
  center?: string;
  /** Unit codes (or names) as the list gives them. */
  serves?: string[];
}

export type GuessedField = 'id' | 'name' | 'region' | 'status' | 'opens' | 'center' | 'serves';

export interface ImportedFacility {
  kind: FacilityKind;
  id: string;
  name: string;
  region: string;
  location: { lat: number; lon: number };
  status: Status;
  opens: string | number;
  closes?: string | number;
  center?: string;
  /** The units it serves (empty: none guessed; the reason is in `guessed.serves`). */
  serves: string[];
  /** The date is a planning assumption (it was not in the list). */
  assumedDate?: boolean;
  /** Why each filled-in field has its value; the kind's reason too (messages note.guess.*, said in the run's language). */
  guessed: Partial<Record<GuessedField | 'kind', Said>>;
  at: string;
  /** Where its row's cells are (ListedRow). */
  where: ListedRow['where'];
}

export interface ImportContext {
  /** Whether a code is one of the country's units. */
  isCode(code: string): boolean;
  /** A unit's code from its English or Azerbaijani name. */
  codeForName(name: string): string | undefined;
  /** The unit a point stands in, or the nearest one within a few km (with its distance). */
  unitAt(lat: number, lon: number): { code: string; km: number } | undefined;
  /** The day statuses are judged on (a blank status: open if opened by then). */
  asOf: PlanDay;
  /** Every unit a facility may serve on its own, with its seat and economic region (the capital by district). */
  servable: readonly ServablePlace[];
  /** The servable place a facility in `region` at a point serves first (the capital: its nearest district). */
  homeOf(region: string, lat: number, lon: number): string | undefined;
}

export interface ServablePlace {
  code: string;
  lat: number;
  lon: number;
  /** The economic region: a center serves places of its own only. */
  group: string;
}

export interface ImportedPlan {
  centers: ImportedFacility[];
  branches: ImportedFacility[];
  years: { from: number; to: number };
}

const day = (d: PlanDay) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

export function importFacilities(rows: readonly ListedRow[], ctx: ImportContext): ImportedPlan {
  const yearOf = (d: string | number | undefined) => {
    if (d === undefined) return undefined;
    const p = parsePlanDate(d);
    return isPlanDay(p) ? p.year : undefined;
  };
  const years = rows.flatMap((r) => [yearOf(r.opens), yearOf(r.closes)]).filter((y): y is number => y !== undefined);
  const opened = rows.map((r) => yearOf(r.opens)).filter((y): y is number => y !== undefined);
  const from = opened.length ? Math.min(...opened) : ctx.asOf.year;
  const to = Math.max(from, ...years);
  const ids = uniqueIds(rows);
  const facilities = rows.map((r, i): ImportedFacility => {
    const guessed: ImportedFacility['guessed'] = {};
    const kind: FacilityKind = r.kind ?? (r.center ? 'branch' : 'center');
    if (!r.kind) guessed.kind = said(r.center ? 'note.guess.branch' : 'note.guess.center');
    const id = ids[i]!;
    if (!r.id)
      guessed.id = r.name ? said('note.guess.id_from_name') : said('note.guess.id_from_row', { at: r.row ?? r.at });
    const name = r.name ?? id;
    if (!r.name) guessed.name = said('note.guess.name_is_id');
    const f: ImportedFacility = {
      kind,
      id,
      name,
      region: regionOf(r, ctx, guessed),
      location: { lat: r.lat, lon: r.lon },
      status: statusOf(r, ctx, guessed),
      opens: r.opens ?? from,
      serves: r.serves?.map((x) => (ctx.isCode(x) || x.includes('/') ? x : (ctx.codeForName(x) ?? x))) ?? [],
      guessed,
      at: r.at,
      where: r.where,
    };
    if (r.opens === undefined) {
      guessed.opens = said('note.guess.opens_first_year');
      f.assumedDate = true;
    }
    if (r.closes !== undefined) f.closes = r.closes;
    if (r.center) f.center = r.center;
    return f;
  });
  const centers = facilities.filter((f) => f.kind === 'center');
  const branches = facilities.filter((f) => f.kind === 'branch');
  for (const b of branches) {
    parentOf(b, centers);
    if (b.assumedDate) openWithParent(b, centers);
  }
  const unlisted = new Set(rows.flatMap((r, i) => (r.serves ? [] : [facilities[i]!])));
  guessServes(
    centers.filter((f) => unlisted.has(f)),
    ctx,
    true,
  );
  guessServes(
    branches.filter((f) => unlisted.has(f)),
    ctx,
    false,
  );
  return { centers, branches, years: { from, to } };
}

/** Each row's id: its own (refused when two rows share one), else one made from its name or place. */
function uniqueIds(rows: readonly ListedRow[]): string[] {
  const taken = new Map<string, Said | string>();
  for (const r of rows) {
    if (!r.id) continue;
    const before = taken.get(r.id);
    if (before) throw new InputError(r.where.id, said('read.import.same_id', { id: r.id, before }), 1);
    taken.set(r.id, r.row ?? r.at);
  }
  return rows.map((r, i) => {
    if (r.id) return r.id;
    const stem = (r.name ? slug(r.name) : '') || `${r.kind ?? (r.center ? 'branch' : 'center')}-${i + 1}`;
    let id = stem;
    for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
    taken.set(id, r.at);
    return id;
  });
}

const ASCII: Record<string, string> = { ə: 'e', ı: 'i', ö: 'o', ü: 'u', ğ: 'g', ş: 's', ç: 'c', İ: 'i', '№': '' };

/** "Gəncə DOST mərkəzi №1" → "gence-dost-merkezi-1". */
export function slug(name: string): string {
  return name
    .replace(/[əıöüğşçİ№]/g, (c) => ASCII[c]!)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

function regionOf(r: ListedRow, ctx: ImportContext, guessed: ImportedFacility['guessed']): string {
  if (r.region) {
    if (ctx.isCode(r.region)) return r.region;
    const code = ctx.codeForName(r.region);
    if (code) {
      guessed.region = said('note.guess.region_named');
      return code;
    }
    // Kept as written: `validate` names it and suggests the nearest code.
    return r.region;
  }
  const unit = ctx.unitAt(r.lat, r.lon);
  if (!unit)
    throw new InputError(r.where.lat, said('read.import.outside', { lat: figure(r.lat), lon: figure(r.lon) }), 1);
  guessed.region =
    unit.km === 0 ? said('note.guess.region_in') : said('note.guess.region_nearest', { km: plainAmount(unit.km, 1) });
  return unit.code;
}

function statusOf(r: ListedRow, ctx: ImportContext, guessed: ImportedFacility['guessed']): Status {
  if (r.status) return r.status;
  const by = (d: string | number | undefined) => {
    if (d === undefined) return false;
    const p = parsePlanDate(d);
    return isPlanDay(p) && dayKey(p) <= dayKey(ctx.asOf);
  };
  const s: Status = by(r.closes) ? 'closed' : by(r.opens) ? 'open' : 'planned';
  guessed.status =
    r.opens === undefined
      ? said('note.guess.status_no_dates')
      : said('note.guess.status_from_dates', { day: day(ctx.asOf) });
  return s;
}

/** A branch whose opening is unknown opens with its center, when the center opens after the plan's start. */
function openWithParent(b: ImportedFacility, centers: ImportedFacility[]): void {
  const parent = centers.find((c) => c.id === b.center);
  if (!parent) return;
  const a = parsePlanDate(b.opens),
    p = parsePlanDate(parent.opens);
  if (isPlanDay(a) && isPlanDay(p) && dayKey(p) > dayKey(a)) {
    b.opens = parent.opens;
    b.guessed.opens = said('note.guess.opens_center');
  }
}

/** A branch's parent: the center named (by id, or by its name), else the nearest center of the list. */
function parentOf(b: ImportedFacility, centers: ImportedFacility[]): void {
  if (b.center) {
    if (centers.some((c) => c.id === b.center)) return;
    const named = centers.find((c) => c.name.toLowerCase() === b.center!.toLowerCase());
    if (named) {
      b.center = named.id;
      b.guessed.center = said('note.guess.center_named');
    }
    // Else kept as written: it may be a center of the plan the list goes into; `validate` checks.
    return;
  }
  let best: ImportedFacility | undefined,
    bestKm = Number.POSITIVE_INFINITY;
  for (const c of centers) {
    const km = geodesicKm(b.location, c.location);
    if (km < bestKm || (km === bestKm && best && c.id < best.id)) {
      best = c;
      bestKm = km;
    }
  }
  if (!best) throw new InputError(b.where.id, said('read.import.no_center'), 1);
  b.center = best.id;
  b.guessed.center = said('note.guess.center_nearest', { km: plainAmount(bestKm, 1) });
}

/**
 * The serves of facilities of one kind the list gave none for. Each servable place goes to the
 * facility standing in it (several: the nearest its seat, one not closed first); with `wide`
 * (centers), a place with none goes to the nearest facility of its economic region, if any.
 */
function guessServes(list: ImportedFacility[], ctx: ImportContext, wide: boolean): void {
  const homes = new Map(list.map((f) => [f, ctx.homeOf(f.region, f.location.lat, f.location.lon)]));
  const groupOf = new Map(ctx.servable.map((p) => [p.code, p.group]));
  const own = new Map<ImportedFacility, string[]>(),
    near = new Map<ImportedFacility, string[]>();
  const owner = new Map<string, ImportedFacility>();
  for (const p of ctx.servable) {
    const standing = list.filter((f) => homes.get(f) === p.code);
    const pool = standing.length
      ? standing
      : wide
        ? list.filter((f) => groupOf.get(homes.get(f) ?? '') === p.group)
        : [];
    const best = nearestTo(p, pool);
    if (!best) continue;
    owner.set(p.code, best);
    const to = standing.length ? own : near;
    to.set(best, [...(to.get(best) ?? []), p.code]);
  }
  for (const f of list) {
    const mine = own.get(f) ?? [],
      others = near.get(f) ?? [];
    f.serves = [...mine, ...others];
    const home = homes.get(f);
    const why: Said[] = [];
    const none = others.length === 0;
    if (mine.length) why.push(said('note.guess.serves_own', { units: mine.join(', ') }));
    else if (home && owner.get(home)) {
      const served = { home, id: owner.get(home)!.id };
      why.push(said(none ? 'note.guess.serves_none_owned' : 'note.guess.serves_owned', served));
    } else why.push(said(none ? 'note.guess.serves_none_no_unit' : 'note.guess.serves_no_unit', { region: f.region }));
    // Only centers (`wide`) take places nearest them in their economic region.
    if (others.length) why.push(said('note.guess.serves_region', { units: others.join(', ') }));
    f.guessed.serves = partsOf(why)!;
  }
}

/** The facility nearest a place's seat, preferring those not closed (ties: the list's order). */
function nearestTo(p: ServablePlace, pool: ImportedFacility[]): ImportedFacility | undefined {
  let best: ImportedFacility | undefined,
    bestKey = [Infinity, Infinity];
  for (const f of pool) {
    const key = [f.status === 'closed' ? 1 : 0, geodesicKm(p, f.location)];
    if (key[0]! < bestKey[0]! || (key[0] === bestKey[0] && key[1]! < bestKey[1]!)) {
      best = f;
      bestKey = key;
    }
  }
  return best;
}

/**
 * The places a country's facilities serve on their own, from its regions: every unit but an
 * autonomous republic (its units are listed) and a city counted inside its rayon (its rayon is),
 * the capital by district; and where a facility's region puts it first.
 */
export function servablePlaces(regions: RegionIndex): Pick<ImportContext, 'servable' | 'homeOf'> {
  const capital = regions.capital;
  const capitalGroup = regions.byCode.get(capital)?.economic_region ?? '';
  const districts = [...regions.districts.values()].map((d) => ({
    code: `${capital}/${d.id}`,
    lat: d.lat,
    lon: d.lon,
    group: capitalGroup,
  }));
  const units = regions.dataset.regions
    .filter((r) => r.kind !== 'autonomous_republic' && !r.included_in && (r.code !== capital || !districts.length))
    .map((r) => ({ code: r.code, lat: r.admin_center.lat, lon: r.admin_center.lon, group: r.economic_region }));
  return {
    servable: [...units, ...districts],
    homeOf(region, lat, lon) {
      if (region === capital && districts.length) {
        let best = districts[0]!;
        for (const d of districts) if (geodesicKm(d, { lat, lon }) < geodesicKm(best, { lat, lon })) best = d;
        return best.code;
      }
      const r = regions.byCode.get(region);
      if (r?.included_in) return r.included_in;
      if (r?.kind === 'autonomous_republic') return undefined;
      return regions.isServable(region) ? region : undefined;
    },
  };
}
