/**
 * Semantic checks of a schema-valid plan against the regions dataset and the country outline.
 * Pure: returns findings located by plan path; the loader turns paths into file:line:column.
 */
import type { Finding } from '../model/diagnostic.js';
import { dayKey, isPlanDay, parsePlanDate, type PlanDay } from '../model/dates.js';
import type { Plan, WaivableCode } from '../model/plan.js';
import type { RegionIndex } from '../model/region-index.js';
import { closest, didYouMean } from '../model/suggest.js';
import type { CountryOutline } from '../geo/country.js';
import { geodesicKm } from '../geo/geodesic.js';
import { RegionFootprints, UNIT_BORDER_TOLERANCE_KM } from '../geo/region-footprint.js';
import type { UnitLocator } from '../geo/unit-locator.js';
import { reassignKey, servesOn } from './schedule.js';

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
  const err = (path: Finding['path'], code: string, message: string) =>
    out.push({ path, severity: 'error', code, message });
  const warn = (path: Finding['path'], code: string, message: string) =>
    out.push({ path, severity: 'warning', code, message });
  const { regions } = ctx;
  const country = regions.profile.name;
  const exclaves = regions.profile.exclaves.map((x) => x.name);
  const countryWithExclaves = exclaves.length ? `${country} (incl. ${exclaves.join(', ')})` : country;

  const yearsOk = plan.years.from <= plan.years.to;
  if (!yearsOk)
    err(['years', 'to'], 'years-order', `years.to (${plan.years.to}) is before years.from (${plan.years.from})`);

  const limits = (t: Plan['standards']['center']) =>
    t !== undefined && (t.within_km !== undefined || t.within_min !== undefined);
  for (const kind of ['center', 'branch'] as const) {
    if (plan.standards[kind] && !limits(plan.standards[kind]))
      warn(['standards', kind], 'standard-empty', `standards.${kind} sets neither within_km nor within_min`);
  }
  if (!limits(plan.standards.center) && !limits(plan.standards.branch)) {
    warn(
      ['standards'],
      'standard-empty',
      'no coverage standard: distance-based coverage will count everyone as covered; set e.g. ' +
        'center: { within_km: 30 }',
    );
  }

  const date = (path: Finding['path'], value: string | number | undefined, inYears: boolean): PlanDay | undefined => {
    if (value === undefined) return undefined;
    const d = parsePlanDate(value);
    if (!isPlanDay(d)) {
      if (d.kind === 'format') err(path, 'date-format', `'${value}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD`);
      else err(path, 'date-invalid', `'${value}' is not a calendar date: ${d.detail}`);
      return undefined;
    }
    if (inYears && yearsOk && (d.year < plan.years.from || d.year > plan.years.to)) {
      err(
        path,
        'date-outside-years',
        `${value} is outside the plan's years ${plan.years.from}–${plan.years.to}; move the date or widen years:`,
      );
    }
    return d;
  };

  const suggestRegion = (code: string): string => {
    const byName = regions.codeForName(code);
    if (byName) return ` Did you mean '${byName}' (${regions.describe(byName)})?`;
    const byPrefix = regions.codesByNamePrefix(code);
    if (byPrefix.length && byPrefix.length <= 3)
      return ` Did you mean ${byPrefix.map((c) => `'${c}' (${regions.describe(c)})`).join(' or ')}?`;
    return (
      didYouMean(code, regions.servableCodes(), (c) => regions.describe(c)) ||
      ` Codes are ${regions.codeHint()}; \`dostplan regions\` lists them.`
    );
  };

  // Ids are unique across centers and branches: branches and scenarios refer to them.
  const seen = new Map<string, string>();
  const lists: List[] = ['centers', 'branches'];
  const opens = new Map<string, PlanDay | undefined>();
  for (const list of lists) {
    plan[list].forEach((f, i) => {
      const at = (...p: (string | number)[]) => [list, i, ...p];
      if (seen.has(f.id))
        err(at('id'), 'duplicate-id', `id '${f.id}' is used twice (first by ${seen.get(f.id)}); ids must be unique`);
      else seen.set(f.id, `${list === 'centers' ? 'center' : 'branch'} '${f.name}'`);

      const region = regions.byCode.get(f.region);
      if (!region) err(at('region'), 'unknown-region', `unknown region '${f.region}'.${suggestRegion(f.region)}`);
      else if (region.kind === 'autonomous_republic')
        err(
          at('region'),
          'region-not-unit',
          `${f.region} is the whole autonomous republic; name the unit the facility stands in (e.g. ` +
            `${region.parent_of?.[0] ?? 'one of its units'})`,
        );

      f.serves.forEach((code, j) => {
        if (!regions.isServable(code))
          err(at('serves', j), 'unknown-serves', `serves: unknown region '${code}'.${suggestRegion(code)}`);
        else if (regions.byCode.get(code)?.included_in) {
          const host = regions.byCode.get(code)!.included_in!;
          if (!f.serves.includes(host))
            warn(
              at('serves', j),
              'serves-included-city',
              `${code}'s population is published as part of ${host} (${regions.describe(host)}); ` +
                `serve ${host} to count it`,
            );
        }
      });
      if (f.serves.length === 0 && f.status !== 'closed' && !plan.reassign.some((r) => r.to === f.id))
        warn(at('serves'), 'serves-nothing', `${f.id} serves no region; assignment-based coverage will not count it`);
      // The wait estimate (and a capacity from desks) needs both; one alone is silently unused otherwise.
      if ((f.desks === undefined) !== (f.service_min === undefined)) {
        const given = f.desks !== undefined ? 'desks' : 'service_min';
        warn(
          at(given),
          'desks-without-service-min',
          `${given} without ${given === 'desks' ? 'service_min' : 'desks'}: the wait estimate needs both`,
        );
      }

      const { lat, lon } = f.location;
      if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
        err(
          at('location'),
          'coordinates-range',
          `location (lat ${lat}, lon ${lon}) is not on Earth: lat must be within ±90 and lon within ±180`,
        );
      } else if (!ctx.outline.containsWithin({ lat, lon }, BORDER_TOLERANCE_KM)) {
        const swapped = Math.abs(lon) <= 90 && ctx.outline.containsWithin({ lat: lon, lon: lat }, BORDER_TOLERANCE_KM);
        err(
          at('location'),
          'outside-country',
          swapped
            ? `location (lat ${lat}, lon ${lon}) is outside ${country}; lat and lon look swapped: ` +
                `lat: ${lon}, lon: ${lat} is inside`
            : `location (lat ${lat}, lon ${lon}) is outside ${countryWithExclaves}; check the coordinates`,
        );
      } else if (ctx.warnings === false || !region || region.kind === 'autonomous_republic') {
        // nothing more to check here (the region checks below only warn)
      } else if (ctx.units) {
        footprints ??= new RegionFootprints(ctx.units, regions);
        const outside = footprints.outsideKm(f.region, lat, lon);
        if (outside && outside.km > UNIT_BORDER_TOLERANCE_KM) {
          const there = outside.inside ? `; it lies in ${outside.inside} (${regions.describe(outside.inside)})` : '';
          warn(
            at('location'),
            'outside-region',
            `location is ${outside.km.toFixed(1)} km outside ${f.region} ` +
              `(${region.name_en})${there}; is the region or the location wrong?`,
          );
        }
      } else {
        const km = geodesicKm({ lat, lon }, region.admin_center);
        const reach = Math.max(25, 2 * Math.sqrt(region.area_km2 / Math.PI));
        if (km > reach)
          warn(
            at('location'),
            'far-from-region',
            `location is ${km.toFixed(0)} km from ${region.admin_center.name}, the centre of ` +
              `${f.region} (${region.name_en}); is the region or the location wrong?`,
          );
      }

      const o = date(at('opens'), f.opens, true);
      opens.set(f.id, o);
      date(at('announced'), f.announced, false);
      const c = date(at('closes'), f.closes, true);
      if (o && c && dayKey(c) <= dayKey(o))
        err(at('closes'), 'closes-before-opens', `closes (${f.closes}) must be after opens (${f.opens})`);
      if (f.status === 'closed' && f.closes === undefined)
        warn(
          at('status'),
          'closed-without-date',
          `${f.id} has status closed but no closes: date; coverage will count it as open`,
        );
    });
  }

  const centerIds = new Set(plan.centers.map((c) => c.id));
  const branchIds = new Set(plan.branches.map((b) => b.id));
  plan.branches.forEach((b, i) => {
    if (branchIds.has(b.center) && !centerIds.has(b.center)) {
      err(
        ['branches', i, 'center'],
        'parent-not-center',
        `center: '${b.center}' is a branch; a branch's parent must be a center`,
      );
      return;
    }
    if (!centerIds.has(b.center)) {
      const c = closest(b.center, centerIds);
      err(
        ['branches', i, 'center'],
        'unknown-parent',
        `center: no center with id '${b.center}'.${c ? ` Did you mean '${c}'?` : ''}`,
      );
      return;
    }
    const own = opens.get(b.id);
    const parent = opens.get(b.center);
    if (own && parent && dayKey(own) < dayKey(parent)) {
      err(
        ['branches', i, 'opens'],
        'branch-before-parent',
        `branch opens (${b.opens}) before its center '${b.center}' ` +
          `(${plan.centers.find((c) => c.id === b.center)!.opens})`,
      );
    }
  });

  plan.targets.forEach((t, i) => {
    date(['targets', i, 'by'], t.by, false);
    for (const k of ['centers', 'branches'] as const) {
      const v = t[k];
      if (v !== undefined && (!Number.isInteger(v) || v < 0))
        err(['targets', i, k], 'target-count', `targets[${i}].${k} must be a whole number ≥ 0, not ${v}`);
    }
    if (t.centers === undefined && t.branches === undefined)
      warn(['targets', i], 'target-empty', 'target sets neither centers nor branches');
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
            ? `missed.${k} records ${reached} ${k}, but the target sets no ${k}`
            : `missed.${k} (${reached}) is not short of the target (${wanted}): the target was met`,
        );
    }
  });
  plan.channels.forEach((c, i) => date(['channels', i, 'launches'], c.launches, false));

  const ids = new Map([...plan.centers, ...plan.branches].map((f) => [f.id, f]));
  plan.reassign.forEach((r, i) => {
    if (!regions.isServable(r.unit))
      err(['reassign', i, 'unit'], 'unknown-serves', `reassign: unknown region '${r.unit}'.${suggestRegion(r.unit)}`);
    const to = ids.get(r.to);
    if (!to) {
      const c = closest(r.to, ids.keys());
      err(
        ['reassign', i, 'to'],
        'unknown-facility',
        `to: no facility with id '${r.to}'.${c ? ` Did you mean '${c}'?` : ''}`,
      );
    }
    const from = date(['reassign', i, 'from'], r.from, true);
    const opensDay = opens.get(r.to);
    if (from && opensDay && dayKey(from) < dayKey(opensDay))
      warn(
        ['reassign', i, 'from'],
        'reassign-before-open',
        `${r.unit} moves to '${r.to}' on ${r.from}, before it opens (${to!.opens}): nobody serves it in between`,
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
        warn(path, 'served-twice', `${code} (${regions.describe(code)}) is also served by center '${prev}'`);
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
            message: `${facility.id} has no ${code} warning to waive; remove this entry`,
          });
    });
  return marked;
}
