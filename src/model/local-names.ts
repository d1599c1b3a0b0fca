/**
 * Place names in Azerbaijani, by the ids results carry: units (ISO codes), economic regions, the
 * capital's districts (bare and as AZ-BA/<district>) and facilities (a plan's `name_az`). Results
 * keep English names (JSON is read by programs); a renderer writing Azerbaijani asks here. A name
 * is replaced only when the English name it was given is the one recorded for that id, so two
 * kinds of place sharing an id never swap names.
 */
import type { Dataset } from './dataset.js';

interface Named {
  id: string;
  name: string;
  name_az?: string | undefined;
}

export class LocalNames {
  private readonly byId = new Map<string, { en: string; az: string }[]>();

  add(id: string, en: string, az: string | undefined): this {
    if (!az) return this;
    const list = this.byId.get(id) ?? [];
    list.push({ en, az });
    this.byId.set(id, list);
    return this;
  }

  /** The Azerbaijani name of the place `id` whose English name is `en`, if known. */
  azerbaijani(id: string, en: string): string | undefined {
    return this.byId.get(id)?.find((n) => n.en === en)?.az;
  }

  /** The Azerbaijani name recorded for an id, whatever its English name (a unit code in a column of its own). */
  anyAzerbaijani(id: string): string | undefined {
    return this.byId.get(id)?.[0]?.az;
  }
}

/** The names of a country's places, and of a plan's facilities that carry `name_az`. */
export function localNames(dataset: Dataset, facilities: readonly Named[] = [], capital = ''): LocalNames {
  const names = new LocalNames();
  for (const r of dataset.regions) names.add(r.code, r.name_en, r.name_az);
  for (const e of dataset.economic_regions) names.add(e.id, e.name_en, e.name_az);
  for (const d of dataset.baku_districts) {
    names.add(d.id, d.name_en, d.name_az);
    if (capital) names.add(`${capital}/${d.id}`, d.name_en, d.name_az);
  }
  for (const f of facilities) names.add(f.id, f.name, f.name_az);
  return names;
}
