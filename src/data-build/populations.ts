/**
 * Unit and Baku-district populations for every year, registered (SSC, de jure) and resident (where
 * people live now), with each figure's provenance. Method and sources: data/SOURCES.md.
 */
import { apportion } from './apportion.js';
import { resettledOn } from './resettlement.js';

export type Provenance = 'exact' | 'derived' | 'estimate' | 'none';
type Row = Record<string, string>;

/** Share of an estimate's scale factor beyond which an economic region's SSC share is not used. */
const MAX_SCALE = 0.15;
/** Share of the displaced who live in Baku (IDMC, citing Eurasianet 2013: "around half"). */
export const IDP_SHARE_BAKU = 0.5;

export interface UnitPopulation {
  registered: Record<string, number>;
  resident: Record<string, number>;
  provenance: Provenance;
  source: string;
}

export interface Populations {
  years: number[];
  units: Map<string, UnitPopulation>;
  districts: Map<string, UnitPopulation>;
  /** Economic regions whose SSC share was overruled by their units' own figures (logged, documented). */
  unitDetermined: string[];
  /** Resettled residents by year and unit (dated State Committee figures; resettlement.ts). */
  resettled: Map<number, Map<string, number>>;
  /** By year: people of a national resettlement total that no unit figure accounts for (shared out). */
  resettledShared: Map<number, number>;
}

export function buildPopulations(
  regions: Row[],
  econ: Row[],
  totals: Row[],
  districts: Row[],
  liberated: Row[],
  resettledSeries: Row[],
  baseYear: number,
): Populations {
  const leaves = regions.filter((r) => r.kind !== 'autonomous_republic');
  const years = totals.map((x) => Number(x.year));
  const t = (year: number) => totals.find((x) => Number(x.year) === year)!;
  const nat = (y: number) => Number(t(y).national);
  const nationalGrowth = (from: number) => nat(baseYear) / nat(from);

  // 1. Base year. Exact SSC figures stay; SSC figures of another year move with the national total.
  const base = new Map<string, number>();
  const provenance = new Map<string, Provenance>();
  for (const r of leaves) {
    const m = /^ssc-(\d{4})$/.exec(r.pop_basis!);
    if (!m) continue;
    const y = Number(m[1]);
    base.set(r.code!, Math.round(Number(r.pop_2024_k) * 1000 * (y === baseYear ? 1 : nationalGrowth(y))));
    provenance.set(r.code!, y === baseYear ? 'exact' : 'derived');
  }
  // Economic regions: the SSC share sets the region's total and `prior` units share what the fixed
  // units leave, unless that would scale the priors by more than MAX_SCALE (then the SSC share
  // contradicts a better unit figure, e.g. Absheron's 433 thousand, and the units keep their own).
  const natB = nat(baseYear),
    bakuB = Number(t(baseYear).baku),
    narB = Number(t(baseYear).nakhchivan_ar);
  const targets = new Map<string, number>([
    ['baku', bakuB],
    ['nakhchivan', narB],
  ]);
  const unitsOf = (e: string) => leaves.filter((r) => r.economic_region === e);
  const fixedSum = (e: string) => unitsOf(e).reduce((a, r) => a + (base.get(r.code!) ?? 0), 0);
  const priorSum = (e: string) =>
    unitsOf(e)
      .filter((r) => r.pop_basis === 'prior')
      .reduce((a, r) => a + Number(r.pop_2024_k) * 1000, 0);
  // A region whose every unit has its own SSC figure is set by its units (its rounded share is coarser).
  const unitDetermined: string[] = econ
    .filter((e) => !targets.has(e.id!) && unitsOf(e.id!).every((r) => r.pop_basis !== 'prior'))
    .map((e) => e.id!);
  let shared = econ.filter((e) => !targets.has(e.id!) && !unitDetermined.includes(e.id!));
  for (;;) {
    const pool = natB - bakuB - narB - unitDetermined.reduce((a, e) => a + fixedSum(e) + Math.round(priorSum(e)), 0);
    const shareSum = shared.reduce((a, e) => a + Number(e.share_2024_pct), 0);
    const split = apportion(
      pool,
      shared.map((e) => Number(e.share_2024_pct) / shareSum),
    );
    const off = shared.find((e, i) => {
      const p = priorSum(e.id!);
      return p > 0 && Math.abs((split[i]! - fixedSum(e.id!)) / p - 1) > MAX_SCALE;
    });
    if (!off) {
      shared.forEach((e, i) => targets.set(e.id!, split[i]!));
      break;
    }
    unitDetermined.push(off.id!);
    shared = shared.filter((e) => e !== off);
  }
  for (const e of unitDetermined) targets.set(e, fixedSum(e) + Math.round(priorSum(e)));
  // Baku and Nakhchivan AR have exact totals. Where every unit has an SSC figure, the figures given
  // rounded (to 100 people, e.g. Sharur's "113 thousand") absorb the difference to that total, which
  // stays within their rounding; figures given to the person are kept.
  for (const [e, total] of [...targets].filter(([id]) => id === 'baku' || id === 'nakhchivan')) {
    const units = unitsOf(e);
    const diff = total - fixedSum(e);
    if (diff === 0 || units.some((r) => r.pop_basis === 'prior')) continue;
    const rounded = units.filter((r) => base.has(r.code!) && !/\.\d{3}$/.test(r.pop_2024_k!));
    if (rounded.length === 0) throw new Error(`${e}: units add up to ${fixedSum(e)}, not ${total}`);
    const shares = apportion(
      diff,
      rounded.map((r) => base.get(r.code!)!),
    );
    rounded.forEach((r, i) => base.set(r.code!, base.get(r.code!)! + shares[i]!));
  }
  for (const e of econ) {
    const priors = unitsOf(e.id!).filter((r) => r.pop_basis === 'prior');
    const scaled = apportion(
      targets.get(e.id!)! - fixedSum(e.id!),
      priors.map((r) => Number(r.pop_2024_k)),
    );
    // A single prior unit is its region's SSC total minus SSC unit figures: derived, not estimated.
    priors.forEach((r, i) => {
      base.set(r.code!, scaled[i]!);
      provenance.set(r.code!, priors.length === 1 && !unitDetermined.includes(e.id!) ? 'derived' : 'estimate');
    });
  }
  for (const r of leaves)
    if (!base.has(r.code!)) {
      base.set(r.code!, 0);
      provenance.set(r.code!, r.pop_basis === 'included' ? 'derived' : 'none');
    }

  // 2. Other years: Baku and Nakhchivan AR exact; the other units move with the national remainder.
  const registered = new Map<string, Record<string, number>>(leaves.map((r) => [r.code!, {}]));
  for (const y of years) {
    const row = t(y);
    // A year without published Baku / Nakhchivan figures moves them with the national total.
    const bakuY = row.baku ? Number(row.baku) : Math.round((bakuB * nat(y)) / natB);
    const narY = row.nakhchivan_ar ? Number(row.nakhchivan_ar) : Math.round((narB * nat(y)) / natB);
    const groups: [(r: Row) => boolean, number][] = [
      [(r) => r.economic_region === 'baku', bakuY],
      [(r) => r.economic_region === 'nakhchivan', narY],
      [(r) => r.economic_region !== 'baku' && r.economic_region !== 'nakhchivan', nat(y) - bakuY - narY],
    ];
    for (const [inGroup, total] of groups) {
      const units = leaves.filter(inGroup);
      const pops = apportion(
        total,
        units.map((r) => base.get(r.code!)!),
      );
      units.forEach((r, i) => (registered.get(r.code!)![String(y)] = pops[i]!));
    }
  }

  // 3. Baku districts: SSC figures where published (other years moved with Baku), the rest of Baku
  // shared by the 2015 registered shares; every year keeps the base-year proportions.
  const bakuBase = bakuB;
  const dBase = new Map<string, number>();
  const dProv = new Map<string, Provenance>();
  for (const d of districts) {
    if (!d.pop_value) continue;
    const y = Number(d.pop_year);
    dBase.set(d.id!, Math.round(Number(d.pop_value) * (y === baseYear ? 1 : bakuBase / Number(t(y).baku))));
    dProv.set(d.id!, y === baseYear ? 'exact' : 'derived');
  }
  const rest = districts.filter((d) => !d.pop_value);
  const restPops = apportion(
    bakuBase - [...dBase.values()].reduce((a, b) => a + b, 0),
    rest.map((d) => Number(d.registered_2015)),
  );
  rest.forEach((d, i) => {
    dBase.set(d.id!, restPops[i]!);
    dProv.set(d.id!, 'estimate');
  });
  const dRegistered = new Map<string, Record<string, number>>(districts.map((d) => [d.id!, {}]));
  for (const y of years) {
    const pops = apportion(
      registered.get('AZ-BA')![String(y)]!,
      districts.map((d) => dBase.get(d.id!)!),
    );
    districts.forEach((d, i) => (dRegistered.get(d.id!)![String(y)] = pops[i]!));
  }

  // 4. Residents. In a liberated unit: the resettled (the State Committee's latest figure dated on
  // or before that 1 January) plus the people of the parts never occupied; everyone else registered
  // there is displaced and lives elsewhere: IDP_SHARE_BAKU of them in Baku, the rest across the other
  // units (not Nakhchivan AR, an exclave with few IDPs) in proportion to their registered population.
  const lib = new Map(liberated.map((l) => [l.code!, l]));
  const resident = new Map<string, Record<string, number>>(leaves.map((r) => [r.code!, {}]));
  const dResident = new Map<string, Record<string, number>>(districts.map((d) => [d.id!, {}]));
  const resettled = new Map<number, Map<string, number>>();
  const resettledShared = new Map<number, number>();
  const hosts = leaves.filter(
    (r) => r.liberated !== 'true' && r.nakhchivan !== 'true' && r.code !== 'AZ-BA' && base.get(r.code!)! > 0,
  );
  for (const y of years) {
    const k = String(y);
    const back = resettledOn(y, resettledSeries, liberated, (code) => registered.get(code)?.[k] ?? 0);
    resettled.set(y, back.byUnit);
    resettledShared.set(y, back.shared);
    let displaced = 0;
    for (const r of leaves) {
      const reg = registered.get(r.code!)![k]!;
      const l = lib.get(r.code!);
      if (r.liberated !== 'true' || !l) {
        resident.get(r.code!)![k] = reg;
        continue;
      }
      const stay = l.never_occupied_share
        ? Math.round(reg * Number(l.never_occupied_share))
        : Number(l.never_occupied_residents || 0);
      const res = Math.min(reg, (back.byUnit.get(r.code!) ?? 0) + stay);
      resident.get(r.code!)![k] = res;
      displaced += reg - res;
    }
    const toBaku = Math.round(displaced * IDP_SHARE_BAKU);
    resident.get('AZ-BA')![k]! += toBaku;
    const hostShares = apportion(
      displaced - toBaku,
      hosts.map((r) => registered.get(r.code!)![k]!),
    );
    hosts.forEach((r, i) => (resident.get(r.code!)![k]! += hostShares[i]!));
    const dPops = apportion(
      resident.get('AZ-BA')![k]!,
      districts.map((d) => dRegistered.get(d.id!)![k]!),
    );
    districts.forEach((d, i) => (dResident.get(d.id!)![k] = dPops[i]!));
  }

  const units = new Map<string, UnitPopulation>();
  for (const r of leaves) {
    units.set(r.code!, {
      registered: registered.get(r.code!)!,
      resident: resident.get(r.code!)!,
      provenance: provenance.get(r.code!)!,
      source: r.pop_source!,
    });
  }
  const dOut = new Map<string, UnitPopulation>();
  for (const d of districts) {
    dOut.set(d.id!, {
      registered: dRegistered.get(d.id!)!,
      resident: dResident.get(d.id!)!,
      provenance: dProv.get(d.id!)!,
      source: d.pop_source!,
    });
  }
  return { years, units, districts: dOut, unitDetermined, resettled, resettledShared };
}
