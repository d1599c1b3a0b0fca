/**
 * Semantic checks of a schema-valid plan against the regions dataset and the country outline.
 * Pure: returns findings located by plan path; the loader turns paths into file:line:column.
 */
import type { Finding } from '../model/diagnostic.js';
import { dayKey, isPlanDay, parsePlanDate, type PlanDay } from '../model/dates.js';
import type { Plan, WaivableCode } from '../model/plan.js';
import type { RegionIndex } from '../model/region-index.js';
import { type Said, type SaidParam, amount, eitherOf, said, told } from '../model/said.js';
import { closest, didYouMeanSaid } from '../model/suggest.js';
import type { CountryOutline } from '../geo/country.js';
import { geodesicKm } from '../geo/geodesic.js';
import { RegionFootprints, UNIT_BORDER_TOLERANCE_KM } from '../geo/region-footprint.js';
import type { UnitLocator } from '../geo/unit-locator.js';
import { reassignKey, servesOn } from './schedule.js';
import { BIDI_CONTROL } from '../model/printable.js';

/** A control character (a label may break lines and tab) or a bidirectional control. */
export function unsafeText(s: string, lines: boolean): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  const control = lines ? /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/ : /\p{Cc}/u;
  return control.test(s) || BIDI_CONTROL.test(s);
}

/** Coastal and border towns sit within a few km of a 1:10m outline's edge. */
export const BORDER_TOLERANCE_KM = 3;

export { UNIT_BORDER_TOLERANCE_KM } from '../geo/region-footprint.js';

export interface CheckContext {
  regions: RegionIndex;
  outline: CountryOutline;
  /** Unit polygons: with them a facility is checked against its region's polygon, not its distance from the seat. */
  units?: UnitLocator;
  /**
   * false: skip the location checks that can only warn (a facility off its region's polygon).
   * An analysis refuses a plan for its errors alone, and the polygon test is its costliest check.
   */
  warnings?: boolean;
}

type List = 'centers' | 'branches';

export function checkPlan(plan: Plan, ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  let footprints: RegionFootprints | undefined;
  const err = (path: Finding['path'], code: string, s: Said) => out.push({ path, severity: 'error', code, ...told(s) });
  const warn = (path: Finding['path'], code: string, s: Said) =>
    out.push({ path, severity: 'warning', code, ...told(s) });
  const { regions } = ctx;
  const country = regions.countryName();
  const exclaves = regions.profile.exclaves.map((x) => regions.exclaveName(x));
  const countryWithExclaves: SaidParam = exclaves.length
    ? said('check.country_with_exclaves', {
        country,
        exclaves: (exclaves as SaidParam[]).reduce((a, b) => said('where.list', { a, b })),
      })
    : country;

  const yearsOk = plan.years.from <= plan.years.to;
  if (!yearsOk)
    err(['years', 'to'], 'years-order', said('check.years_order', { to: plan.years.to, from: plan.years.from }));

  const limits = (t: Plan['standards']['center']) =>
    t !== undefined && (t.within_km !== undefined || t.within_min !== undefined);
  for (const kind of ['center', 'branch'] as const) {
    if (plan.standards[kind] && !limits(plan.standards[kind]))
      warn(['standards', kind], 'standard-empty', said('check.standard_empty', { kind }));
  }
  if (!limits(plan.standards.center) && !limits(plan.standards.branch)) {
    warn(['standards'], 'standard-empty', said('check.no_standard'));
  }

  const date = (path: Finding['path'], value: string | number | undefined, inYears: boolean): PlanDay | undefined => {
    if (value === undefined) return undefined;
    const d = parsePlanDate(value);
    if (!isPlanDay(d)) {
      if (d.kind === 'format') err(path, 'date-format', said('check.date_format', { value }));
      else err(path, 'date-invalid', said('check.date_invalid', { value, detail: d.said }));
      return undefined;
    }
    if (inYears && yearsOk && (d.year < plan.years.from || d.year > plan.years.to)) {
      err(path, 'date-outside-years', said('check.date_outside_years', { value, ...plan.years }));
    }
    return d;
  };

  const place = (c: string) => ({ place: c, name: regions.describe(c) });
  const named = (c: string) => said('check.code_named', { code: c, name: place(c) });
  const suggestRegion = (code: string): Said => {
    const byName = regions.codeForName(code);
    if (byName) return said('check.did_you_mean', { list: named(byName) });
    const byPrefix = regions.codesByNamePrefix(code);
    if (byPrefix.length && byPrefix.length <= 3)
      return said('check.did_you_mean', { list: eitherOf(byPrefix.map(named)) });
    return (
      didYouMeanSaid(code, regions.servableCodes(), place) ??
      said('check.codes_are', { system: regions.profile.codes.system, example: regions.codeExample() })
    );
  };

  // Ids are unique across centers and branches: branches and scenarios refer to them.
  const seen = new Map<string, Said>();
  const lists: List[] = ['centers', 'branches'];
  const opens = new Map<string, PlanDay | undefined>();
  for (const list of lists) {
    plan[list].forEach((f, i) => {
      const at = (...p: (string | number)[]) => [list, i, ...p];
      if (seen.has(f.id))
        err(at('id'), 'duplicate-id', said('check.duplicate_id', { id: f.id, first: seen.get(f.id)! }));
      else seen.set(f.id, said(list === 'centers' ? 'check.the_center' : 'check.the_branch', { name: f.name }));

      const region = regions.byCode.get(f.region);
      if (!region)
        err(
          at('region'),
          'unknown-region',
          said('check.unknown_region', { code: f.region, hint: suggestRegion(f.region) }),
        );
      else if (region.kind === 'autonomous_republic')
        err(
          at('region'),
          'region-not-unit',
          said('check.region_not_unit', {
            code: f.region,
            example: region.parent_of?.[0] ?? said('check.one_of_its_units'),
          }),
        );

      f.serves.forEach((code, j) => {
        if (!regions.isServable(code))
          err(at('serves', j), 'unknown-serves', said('check.unknown_serves', { code, hint: suggestRegion(code) }));
        else if (regions.byCode.get(code)?.included_in) {
          const host = regions.byCode.get(code)!.included_in!;
          if (!f.serves.includes(host))
            warn(
              at('serves', j),
              'serves-included-city',
              said('check.serves_included_city', { code, host, name: place(host) }),
            );
        }
      });
      if (f.serves.length === 0 && f.status !== 'closed' && !plan.reassign.some((r) => r.to === f.id))
        warn(at('serves'), 'serves-nothing', said('check.serves_nothing', { id: f.id }));
      // The wait estimate (and a capacity from desks) needs both; one alone is silently unused otherwise.
      if ((f.desks === undefined) !== (f.service_min === undefined)) {
        const given = f.desks !== undefined ? 'desks' : 'service_min';
        warn(
          at(given),
          'desks-without-service-min',
          said('check.desks_without_service_min', { given, other: given === 'desks' ? 'service_min' : 'desks' }),
        );
      }

      const { lat, lon } = f.location;
      if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
        err(at('location'), 'coordinates-range', said('check.coordinates_range', { lat, lon }));
      } else if (!ctx.outline.containsWithin({ lat, lon }, BORDER_TOLERANCE_KM)) {
        const swapped = Math.abs(lon) <= 90 && ctx.outline.containsWithin({ lat: lon, lon: lat }, BORDER_TOLERANCE_KM);
        err(
          at('location'),
          'outside-country',
          swapped
            ? said('check.outside_country_swapped', { lat, lon, country })
            : said('check.outside_country', { lat, lon, country: countryWithExclaves }),
        );
      } else if (ctx.warnings === false || !region || region.kind === 'autonomous_republic') {
        // nothing more to check here (the region checks below only warn)
      } else if (ctx.units) {
        footprints ??= new RegionFootprints(ctx.units, regions);
        const outside = footprints.outsideKm(f.region, lat, lon);
        if (outside && outside.km > UNIT_BORDER_TOLERANCE_KM) {
          const there = outside.inside
            ? said('check.lies_in', { code: outside.inside, name: place(outside.inside) })
            : '';
          warn(
            at('location'),
            'outside-region',
            said('check.outside_region', {
              km: amount(outside.km, 1),
              code: f.region,
              name: place(f.region),
              there,
            }),
          );
        }
      } else {
        const km = geodesicKm({ lat, lon }, region.admin_center);
        const reach = Math.max(25, 2 * Math.sqrt(region.area_km2 / Math.PI));
        if (km > reach)
          warn(
            at('location'),
            'far-from-region',
            said('check.far_from_region', {
              km: amount(km),
              seat: region.admin_center.name,
              code: f.region,
              name: place(f.region),
            }),
          );
      }

      const o = date(at('opens'), f.opens, true);
      opens.set(f.id, o);
      date(at('announced'), f.announced, false);
      const c = date(at('closes'), f.closes, true);
      if (o && c && dayKey(c) <= dayKey(o))
        err(
          at('closes'),
          'closes-before-opens',
          said('check.closes_before_opens', { closes: f.closes!, opens: f.opens! }),
        );
      if (f.status === 'closed' && f.closes === undefined)
        warn(at('status'), 'closed-without-date', said('check.closed_without_date', { id: f.id }));
    });
  }

  const centerIds = new Set(plan.centers.map((c) => c.id));
  const branchIds = new Set(plan.branches.map((b) => b.id));
  plan.branches.forEach((b, i) => {
    if (branchIds.has(b.center) && !centerIds.has(b.center)) {
      err(['branches', i, 'center'], 'parent-not-center', said('check.parent_not_center', { id: b.center }));
      return;
    }
    if (!centerIds.has(b.center)) {
      const c = closest(b.center, centerIds);
      err(
        ['branches', i, 'center'],
        'unknown-parent',
        said('check.unknown_parent', {
          id: b.center,
          hint: c ? said('check.did_you_mean', { list: said('check.quoted', { text: c }) }) : '',
        }),
      );
      return;
    }
    const own = opens.get(b.id);
    const parent = opens.get(b.center);
    if (own && parent && dayKey(own) < dayKey(parent)) {
      err(
        ['branches', i, 'opens'],
        'branch-before-parent',
        said('check.branch_before_parent', {
          opens: b.opens!,
          center: b.center,
          parent: plan.centers.find((c) => c.id === b.center)!.opens!,
        }),
      );
    }
  });

  plan.targets.forEach((t, i) => {
    date(['targets', i, 'by'], t.by, false);
    for (const k of ['centers', 'branches'] as const) {
      const v = t[k];
      if (v !== undefined && (!Number.isInteger(v) || v < 0))
        err(['targets', i, k], 'target-count', said('check.target_count', { i, k, v }));
    }
    if (t.centers === undefined && t.branches === undefined)
      warn(['targets', i], 'target-empty', said('check.target_empty'));
    // A recorded miss must be short of the target, on a count the target sets.
    for (const k of ['centers', 'branches'] as const) {
      const reached = t.missed?.[k];
      if (reached === undefined) continue;
      const wanted = t[k];
      if (wanted === undefined || reached >= wanted)
        warn(
          ['targets', i, 'missed', k],
          'missed-not-short',
          wanted === undefined
            ? said('check.missed_no_target', { k, reached })
            : said('check.missed_not_short', { k, reached, wanted }),
        );
    }
  });
  plan.channels.forEach((c, i) => date(['channels', i, 'launches'], c.launches, false));

  // Names reach terminals, reports and the studio: a control character or a bidirectional override
  // in one would drive the terminal or make it read as another name ("Trojan Source").
  const unsafe = (path: Finding['path'], value: string | undefined, lines: boolean) => {
    if (value !== undefined && unsafeText(value, lines)) err(path, 'unsafe-text', said('check.unsafe_text'));
  };
  for (const list of lists)
    plan[list].forEach((f, i) => {
      for (const k of ['id', 'name', 'name_az'] as const) unsafe([list, i, k], f[k], false);
    });
  plan.channels.forEach((c, i) => {
    for (const k of ['id', 'name', 'name_az'] as const) unsafe(['channels', i, k], c[k], false);
  });
  plan.targets.forEach((t, i) => {
    for (const k of ['label', 'label_az'] as const) unsafe(['targets', i, k], t[k], true);
  });

  const ids = new Map([...plan.centers, ...plan.branches].map((f) => [f.id, f]));
  plan.reassign.forEach((r, i) => {
    if (!regions.isServable(r.unit))
      err(
        ['reassign', i, 'unit'],
        'unknown-serves',
        said('check.reassign_unknown', { code: r.unit, hint: suggestRegion(r.unit) }),
      );
    const to = ids.get(r.to);
    if (!to) {
      const c = closest(r.to, ids.keys());
      err(
        ['reassign', i, 'to'],
        'unknown-facility',
        said('check.unknown_facility', {
          id: r.to,
          hint: c ? said('check.did_you_mean', { list: said('check.quoted', { text: c }) }) : '',
        }),
      );
    }
    const from = date(['reassign', i, 'from'], r.from, true);
    const opensDay = opens.get(r.to);
    if (from && opensDay && dayKey(from) < dayKey(opensDay))
      warn(
        ['reassign', i, 'from'],
        'reassign-before-open',
        said('check.reassign_before_open', { unit: r.unit, to: r.to, from: r.from!, opens: to!.opens! }),
      );
  });

  // The same unit assigned to two centers: legal (Baku lets residents use any center) but usually a
  // copy-paste slip, so a warning. With dated serves changes, on every date one takes effect.
  const dates = [0, ...new Set(plan.reassign.map((r) => reassignKey(r, ids)).filter((k) => k !== undefined))];
  const warned = new Set<string>();
  for (const key of dates) {
    const moved = key === 0 ? new Map<string, string[]>() : servesOn(plan, key);
    const owner = new Map<string, string>();
    plan.centers.forEach((f, i) => {
      if (f.status === 'closed') return;
      for (const code of moved.get(f.id) ?? f.serves) {
        const prev = owner.get(code);
        if (!prev || prev === f.id) {
          owner.set(code, f.id);
          continue;
        }
        if (warned.has(`${code} ${f.id}`)) continue;
        warned.add(`${code} ${f.id}`);
        const j = f.serves.indexOf(code);
        const path =
          j >= 0
            ? ['centers', i, 'serves', j]
            : ['reassign', plan.reassign.findIndex((r) => r.to === f.id && r.unit === code)];
        warn(path, 'served-twice', said('check.served_twice', { code, name: place(code), prev }));
      }
    });
  }
  return ctx.warnings === false ? out : applyWaivers(plan, out);
}

/**
 * A facility's `waive:` marks its warnings of those codes as accepted, with the reason; a waiver
 * that matches no warning is itself a warning (the problem was fixed, or the code is wrong).
 */
function applyWaivers(plan: Plan, findings: Finding[]): Finding[] {
  const used = new Set<string>();
  const marked = findings.map((f) => {
    const [list, index] = f.path;
    if (f.severity !== 'warning' || (list !== 'centers' && list !== 'branches') || typeof index !== 'number') return f;
    const reason = plan[list][index]?.waive?.[f.code as WaivableCode];
    if (reason === undefined) return f;
    used.add(`${list} ${index} ${f.code}`);
    return { ...f, waived: reason };
  });
  for (const list of ['centers', 'branches'] as const)
    plan[list].forEach((facility, i) => {
      for (const code of Object.keys(facility.waive ?? {}))
        if (!used.has(`${list} ${i} ${code}`))
          marked.push({
            path: [list, i, 'waive', code],
            atKey: true,
            severity: 'warning',
            code: 'waive-unused',
            ...told(said('check.waive_unused', { id: facility.id, code })),
          });
    });
  return marked;
}
