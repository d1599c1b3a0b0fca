/**
 * What-if edits of a plan in `dostplan serve`: the requests the page POSTs to /api/edit, checked
 * (untrusted JSON: every field's type, range and length), resolved once (an added facility's id,
 * region, parent and the units it serves are decided when it is added, so undo and redo replay the
 * same facility) and applied to a plan as a new plan — the plan object read from disk is never
 * changed. A resolved edit that leaves the plan with errors is refused (EditError), so the
 * session's plan is always one that `validate` accepts.
 */
import { z } from 'zod';
import { checkPlan } from '../analysis/check-plan.js';
import { slug } from '../analysis/import-facilities.js';
import { unitsForNewSites } from '../analysis/optimize/suggest.js';
import { endKey } from '../analysis/schedule.js';
import { geodesicKm } from '../geo/geodesic.js';
import { seatLookup } from '../geo/unit-lookup.js';
import { isPlanDay, parsePlanDate } from '../model/dates.js';
import type { Branch, Center, Facility, FacilityKind, Plan, Reassign } from '../model/plan.js';
import type { CountryData } from '../load/dataset-loader.js';
import type { Finding } from '../model/diagnostic.js';
import { english, figure, type Said, type SaidParam, said } from '../model/said.js';
import { zodFindings } from '../load/zod-findings.js';

/** A refused edit: the HTTP status and a message for the page (never a stack). */
export class EditError extends Error {
  /** The message as a catalogue message: the server says it in the run's language (server.ts). */
  readonly said?: Said;
  constructor(
    readonly status: number,
    readonly code: string,
    message: string | Said,
  ) {
    super(typeof message === 'string' ? message : english(message));
    if (typeof message !== 'string') this.said = message;
  }
}

/** A facility more than this far off the coast or across a border is not in any unit. */
const OFFSHORE_KM = 5;
const MAX_NAME = 200;

const Id = z.string().min(1).max(200);
const Day = z.union([z.string().max(10), z.int()]);
const Lat = z.number().min(-90).max(90);
const Lon = z.number().min(-180).max(180);
const Name = z
  .string()
  .min(1)
  .max(MAX_NAME)
  // Bidirectional overrides too: a name must print as what it is (validate's unsafe-text).
  .regex(/^[^\p{Cc}\u202a-\u202e\u2066-\u2069]*$/u, 'one line of text without control characters');

export const EditRequest = z.discriminatedUnion('op', [
  z.strictObject({
    op: z.literal('add'),
    kind: z.enum(['center', 'branch']),
    name: Name,
    lat: Lat,
    lon: Lon,
    opens: Day,
  }),
  z.strictObject({ op: z.literal('move'), id: Id, lat: Lat, lon: Lon }),
  z.strictObject({ op: z.literal('dates'), id: Id, opens: Day.optional(), closes: Day.nullable().optional() }),
  z.strictObject({ op: z.literal('close'), id: Id, date: Day }),
  z.strictObject({ op: z.literal('remove'), id: Id }),
]);
export type EditRequest = z.infer<typeof EditRequest>;

/** An edit as replayed: everything decided, nothing looked up again. */
export type Edit =
  | { op: 'add'; kind: FacilityKind; facility: Center | Branch; moves: Reassign[] }
  | { op: 'move'; id: string; lat: number; lon: number; region: string }
  | { op: 'dates'; id: string; opens?: string | number; closes?: string | number | null }
  | { op: 'close'; id: string; date: string | number }
  | { op: 'remove'; id: string };

/**
 * A request body its schema refused, as a 400 that names the field: the first problem said as a
 * plan's are (zod-findings.ts), in the run's language, quoting nothing of the body (zod's own
 * English message would repeat an unknown key as it was sent).
 */
export function badRequest<T>(code: string, schema: z.ZodType<T>, body: unknown, error: z.ZodError): EditError {
  const problem =
    zodFindings(error, schema, body, { quote: false, top: said('where.request_body') })[0]?.said ??
    said('zod.not_valid');
  return new EditError(400, code, problem);
}

/** The request body as an edit request, or a 400 that names the field. */
export function parseEditRequest(body: unknown): EditRequest {
  const r = EditRequest.safeParse(body);
  if (r.success) return r.data;
  throw badRequest('bad-edit', EditRequest, body, r.error);
}

const dateOk = (d: string | number) => isPlanDay(parsePlanDate(d));

function checkDate(field: string, d: string | number | null | undefined): void {
  if (d === undefined || d === null) return;
  if (!dateOk(d)) throw new EditError(400, 'bad-date', said('studio.refuse.bad_date', { field }));
}

/**
 * Where a facility stands: the unit whose polygon holds it (within 5 km of the coast or border),
 * or without polygons the nearest unit seat inside the outline; a city published inside its
 * rayon gives the rayon.
 */
function unitAt(country: CountryData, lat: number, lon: number): string {
  const unit = country.units
    ? country.units.nearestUnit(lat, lon, OFFSHORE_KM)?.code
    : seatLookup(country.outline.geometry, country.regions).locate(lat, lon);
  if (!unit)
    throw new EditError(
      422,
      'outside-country',
      said('studio.refuse.outside_country', {
        lat: figure(lat),
        lon: figure(lon),
        country: country.regions.countryName(),
      }),
    );
  return country.regions.byCode.get(unit)?.included_in ?? unit;
}

const facilityOf = (plan: Plan, id: string) =>
  plan.centers.find((f) => f.id === id) ?? plan.branches.find((f) => f.id === id);

/**
 * Decides what an edit request means on this plan: an added facility's id (from its name, unique),
 * its unit (from where it stands), a branch's parent (the nearest center on the same side of any
 * border) and what a center serves (as optimize's suggestions do: its own unit, taken over from the
 * center that served it from the day it opens, so validate --strict still passes).
 */
export function resolveEdit(req: EditRequest, plan: Plan, country: CountryData, added: ReadonlySet<string>): Edit {
  const { regions } = country;
  if (req.op !== 'add') {
    if (!facilityOf(plan, req.id))
      throw new EditError(404, 'unknown-facility', said('studio.refuse.unknown_facility', { id: req.id }));
  }
  switch (req.op) {
    case 'add': {
      checkDate('opens', req.opens);
      const region = unitAt(country, req.lat, req.lon);
      const taken = new Set([...plan.centers, ...plan.branches].map((f) => f.id));
      const stem = slug(req.name) || req.kind;
      let id = stem;
      for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
      const base = {
        id,
        name: req.name,
        region,
        location: { lat: req.lat, lon: req.lon },
        status: 'planned' as const,
        opens: req.opens,
        serves: [] as string[],
        evidence: { place: 'assumption' as const, date: 'assumption' as const },
        source: 'added in dostplan serve (what-if)',
      };
      const site = [{ id, region, lat: req.lat, lon: req.lon }];
      const units = unitsForNewSites(plan, regions, req.kind, site);
      base.serves = units.serves[0]!;
      const moves: Reassign[] = units.moves.map((m) => ({ unit: m.unit, to: m.to }));
      if (req.kind === 'center') return { op: 'add', kind: 'center', facility: base, moves };
      // The nearest center on its side that is open when it opens (a branch cannot open before its
      // center); else the nearest on its side, and validate says why the dates do not fit.
      const side = regions.sideOf(region);
      const near = plan.centers
        .filter((c) => regions.sideOf(c.region) === side)
        .sort((a, b) => geodesicKm(req, a.location) - geodesicKm(req, b.location));
      const parent = near.find((c) => endKey(c.opens) <= endKey(req.opens)) ?? near[0];
      if (!parent) throw new EditError(422, 'no-center', said('studio.refuse.no_center'));
      return { op: 'add', kind: 'branch', facility: { ...base, center: parent.id }, moves };
    }
    case 'move':
      return { op: 'move', id: req.id, lat: req.lat, lon: req.lon, region: unitAt(country, req.lat, req.lon) };
    case 'dates':
      checkDate('opens', req.opens);
      checkDate('closes', req.closes);
      if (req.opens === undefined && req.closes === undefined)
        throw new EditError(400, 'bad-edit', said('studio.refuse.dates_missing'));
      return {
        op: 'dates',
        id: req.id,
        ...(req.opens !== undefined ? { opens: req.opens } : {}),
        ...(req.closes !== undefined ? { closes: req.closes } : {}),
      };
    case 'close':
      checkDate('date', req.date);
      return { op: 'close', id: req.id, date: req.date };
    case 'remove':
      if (!added.has(req.id))
        throw new EditError(409, 'not-added-here', said('studio.refuse.not_added_here', { id: req.id }));
      return { op: 'remove', id: req.id };
  }
}

/** The plan after an edit (a new object; the facilities that did not change are shared). */
export function applyEdit(plan: Plan, e: Edit): Plan {
  if (e.op === 'add') {
    const list = e.kind === 'center' ? 'centers' : 'branches';
    return { ...plan, [list]: [...plan[list], e.facility], reassign: [...plan.reassign, ...e.moves] };
  }
  if (e.op === 'remove')
    return {
      ...plan,
      centers: plan.centers.filter((f) => f.id !== e.id),
      branches: plan.branches.filter((f) => f.id !== e.id),
      reassign: plan.reassign.filter((r) => r.to !== e.id),
    };
  const change = (f: Center | Branch): Center | Branch => {
    if (f.id !== e.id) return f;
    switch (e.op) {
      case 'move':
        return { ...f, location: { lat: e.lat, lon: e.lon }, region: e.region };
      case 'dates': {
        const out = { ...f, ...(e.opens !== undefined ? { opens: e.opens } : {}) };
        if (e.closes === null) delete out.closes;
        else if (e.closes !== undefined) out.closes = e.closes;
        return out;
      }
      case 'close':
        return { ...f, closes: e.date };
    }
  };
  return { ...plan, centers: plan.centers.map(change), branches: plan.branches.map(change) as Branch[] };
}

/** The errors `validate` would give the edited plan (warnings are the planner's to weigh). */
export function editErrors(plan: Plan, country: CountryData): string[] {
  return errorFindings(plan, country).map((f) => f.message);
}

/** The errors an edited plan would have, as one message: each finding's, joined by "; ". */
export function editErrorsSaid(plan: Plan, country: CountryData): Said | null {
  const said1 = (f: Finding): SaidParam => f.said ?? f.message;
  const all = errorFindings(plan, country);
  if (!all.length) return null;
  return all
    .slice(1)
    .reduce<Said>(
      (first, f) => said('studio.refuse.plan_errors', { first, rest: said1(f) }),
      said('studio.refuse.plan_error', { first: said1(all[0]!) }),
    );
}

const errorFindings = (plan: Plan, country: CountryData): Finding[] =>
  checkPlan(plan, { regions: country.regions, outline: country.outline, warnings: false }).filter(
    (f) => f.severity === 'error',
  );

/** A facility as the page draws it. */
export interface FacilityView {
  id: string;
  name: string;
  kind: FacilityKind;
  status: string;
  lat: number;
  lon: number;
  opens: string;
  closes: string | null;
  region: string;
  parent: string | null;
}

export function facilityView(f: Facility): FacilityView {
  return {
    id: f.id,
    name: f.name,
    kind: f.kind,
    status: f.status,
    lat: f.location.lat,
    lon: f.location.lon,
    opens: String(f.opens),
    closes: f.closes === undefined ? null : String(f.closes),
    region: f.region,
    parent: f.kind === 'branch' ? (f.center ?? null) : null,
  };
}
