/**
 * Place names in Azerbaijani, by the ids results carry: units (ISO codes), economic regions, the
 * capital's districts (bare and as AZ-BA/<district>) and facilities (a plan's `name_az`). Results
 * keep English names (JSON is read by programs); a renderer writing Azerbaijani asks here. A name
 * is replaced only when the English name it was given is the one recorded for that id, so two
 * kinds of place sharing an id never swap names.
 */
import type { Dataset } from './dataset.js';
import { fill } from './messages/catalogue.js';
import { az } from './messages/az.js';
import { en } from './messages/en.js';
import { CODE_EXAMPLE_ID, type RegionIndex } from './region-index.js';

interface Named {
  id: string;
  name: string;
  name_az?: string | undefined;
}

export class LocalNames {
  private readonly byId = new Map<string, { en: string; az: string }[]>();
  /** Units' and districts' names by their English name (analyses write "near Qarayeri (Samukh)"). */
  private readonly byEnglish = new Map<string, string>();

  add(id: string, en: string, az: string | undefined): this {
    if (!az) return this;
    if (!id.startsWith('#') && !this.byEnglish.has(en)) this.byEnglish.set(en, az);
    const list = this.byId.get(id) ?? [];
    list.push({ en, az });
    this.byId.set(id, list);
    return this;
  }

  /** A settlement's name (analyses write "near Kyurdarmir (Kurdamir)"): a unit's own name comes first. */
  addSettlement(en: string, az: string): this {
    if (!this.byEnglish.has(en)) this.byEnglish.set(en, az);
    return this;
  }

  /** The Azerbaijani name of the place `id` whose English name is `en`, if known. */
  azerbaijani(id: string, en: string): string | undefined {
    return this.byId.get(id)?.find((n) => n.en === en)?.az;
  }

  /** The Azerbaijani name of a unit, region or district known by its English name. */
  ofEnglishName(en: string): string | undefined {
    return this.byEnglish.get(en);
  }

  /** The Azerbaijani name recorded for an id, whatever its English name (a unit code in a column of its own). */
  anyAzerbaijani(id: string): string | undefined {
    return this.byId.get(id)?.[0]?.az;
  }
}

/** The ids under which a plan's own texts are kept (no place id starts with #): its name, target labels, reasons. */
export const PLAN_NAME_ID = '#plan';
export const TARGET_LABEL_ID = '#target';
export const MISSED_REASON_ID = '#reason';

/** What a plan says in both languages, besides its facilities. */
interface PlanTexts {
  name: string;
  name_az?: string | undefined;
  targets?: readonly {
    label?: string | undefined;
    label_az?: string | undefined;
    missed?: { reason: string; reason_az?: string | undefined } | undefined;
  }[];
  channels?: readonly Named[];
}

/** The names of a country's places, of a plan's facilities that carry `name_az`, and of the plan. */
export function localNames(
  dataset: Dataset,
  facilities: readonly Named[] = [],
  capital = '',
  plan?: PlanTexts,
): LocalNames {
  const names = new LocalNames();
  if (plan) addPlanTexts(names, plan);
  for (const r of dataset.regions) names.add(r.code, r.name_en, r.name_az);
  for (const e of dataset.economic_regions) names.add(e.id, e.name_en, e.name_az);
  for (const d of dataset.baku_districts) {
    names.add(d.id, d.name_en, d.name_az);
    if (capital) names.add(`${capital}/${d.id}`, d.name_en, d.name_az);
  }
  for (const f of facilities) names.add(f.id, f.name, f.name_az);
  for (const [en, az] of Object.entries(dataset.settlements_az ?? {})) names.addSettlement(en, az);
  return names;
}

/** A plan's own texts in both languages: its name, its targets' labels and reasons, its channels. */
export function addPlanTexts(names: LocalNames, plan: PlanTexts, facilities: readonly Named[] = []): LocalNames {
  names.add(PLAN_NAME_ID, plan.name, plan.name_az);
  for (const t of plan.targets ?? []) {
    if (t.label) names.add(TARGET_LABEL_ID, t.label, t.label_az);
    if (t.missed) names.add(MISSED_REASON_ID, t.missed.reason, t.missed.reason_az);
  }
  for (const c of plan.channels ?? []) names.add(c.id, c.name, c.name_az);
  for (const f of facilities) names.add(f.id, f.name, f.name_az);
  return names;
}

/**
 * The names of a country's places as its messages name them: those of localNames, and the country
 * itself, its exclaves and code example (the profile's `name_az`), and a capital district as
 * RegionIndex.describe writes it ("Baku, Yasamal district").
 */
export function regionNames(regions: RegionIndex, facilities: readonly Named[] = [], plan?: PlanTexts): LocalNames {
  const { dataset, profile, capital } = regions;
  const names = localNames(dataset, facilities, capital, plan);
  names.add(profile.id, profile.name, profile.name_az);
  names.add(CODE_EXAMPLE_ID, profile.codes.example, profile.codes.example_az);
  for (const x of profile.exclaves) names.add(x.unit, x.name, x.name_az);
  const city = regions.byCode.get(capital);
  if (profile.capital && city?.name_az)
    for (const d of dataset.baku_districts)
      names.add(
        `${capital}/${d.id}`,
        fill(en['common.district_of'], { capital: profile.capital.name, district: d.name_en }),
        d.name_az && fill(az['common.district_of'], { capital: city.name_az, district: d.name_az }),
      );
  return names;
}
