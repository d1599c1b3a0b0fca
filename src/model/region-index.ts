/**
 * Lookups over a country's regions dataset that the checks and analyses share, read through the
 * country profile: which unit is planned by city district (Baku), which units form an exclave
 * (Nakhchivan), what codes look like.
 */
import type { CountryProfile } from '../country/profile.js';
import type { BakuDistrict, Dataset, Region } from './dataset.js';
import type { Place } from './said.js';

/** The id of the profile's example unit code ("AZ-GA for Ganja") among place names (local-names.ts). */
export const CODE_EXAMPLE_ID = '#code-example';

export class RegionIndex {
  readonly byCode = new Map<string, Region>();
  readonly districts = new Map<string, BakuDistrict>();
  /** The unit planned district by district ('' when the country has none). */
  readonly capital: string;
  /** For each unit code in an exclave, the exclave's side (1, 2…); the rest of the country is side 0. */
  private readonly sides = new Map<string, number>();

  constructor(
    readonly dataset: Dataset,
    readonly profile: CountryProfile,
  ) {
    for (const r of dataset.regions) this.byCode.set(r.code, r);
    for (const d of dataset.baku_districts) this.districts.set(d.id, d);
    this.capital = profile.capital?.unit ?? '';
    profile.exclaves.forEach((x, k) => {
      this.sides.set(x.unit, k + 1);
      for (const code of this.byCode.get(x.unit)?.parent_of ?? []) this.sides.set(code, k + 1);
    });
  }

  /** Places on different sides never reach each other (0: the main part of the country). */
  sideOf(code: string): number {
    return this.sides.get(code) ?? 0;
  }

  /** The exclave a side stands for, or undefined for the main part. */
  exclave(side: number): CountryProfile['exclaves'][number] | undefined {
    return side > 0 ? this.profile.exclaves[side - 1] : undefined;
  }

  /** The country, for messages: said by its name in the run's language (the profile's name_az). */
  countryName(): Place {
    return { place: this.profile.id, name: this.profile.name };
  }

  /** An exclave's name, for messages (its name_az in Azerbaijani). */
  exclaveName(x: CountryProfile['exclaves'][number]): Place {
    return { place: x.unit, name: x.name };
  }

  /** An example unit code with its unit ("AZ-GA for Ganja"), for messages in the run's language. */
  codeExample(): Place {
    return { place: CODE_EXAMPLE_ID, name: this.profile.codes.example };
  }

  /** How to write a unit code, for messages: "ISO 3166-2:AZ, e.g. AZ-GA for Ganja". */
  codeHint(): string {
    return `${this.profile.codes.system}, e.g. ${this.profile.codes.example}`;
  }

  /** Every code a plan may name in `serves`: unit codes and AZ-BA/<district>. */
  servableCodes(): string[] {
    return [...this.byCode.keys(), ...[...this.districts.keys()].map((d) => `${this.capital}/${d}`)];
  }

  isServable(code: string): boolean {
    return this.byCode.has(code) || (this.isDistrictCode(code) && this.districts.has(this.districtOf(code)));
  }

  describe(code: string): string {
    const r = this.byCode.get(code);
    if (r) return r.name_en;
    const d = this.isDistrictCode(code) ? this.districts.get(this.districtOf(code)) : undefined;
    return d ? `${this.profile.capital!.name}, ${d.name_en} district` : code;
  }

  /** Finds a code by its English or Azerbaijani name (for suggestions when a name is written instead of a code). */
  codeForName(name: string): string | undefined {
    const n = name.trim().toLowerCase();
    for (const r of this.dataset.regions)
      if (r.name_en.toLowerCase() === n || r.name_az.toLowerCase() === n) return r.code;
    return undefined;
  }

  /**
   * Units whose English or Azerbaijani name starts with the letters after "AZ-" (AZ-GAN → Ganja):
   * planners often abbreviate the name instead of using the ISO code.
   */
  codesByNamePrefix(code: string): string[] {
    const prefix = this.profile.codes.prefix.toLowerCase();
    const stem = (code.toLowerCase().startsWith(prefix) ? code.slice(prefix.length) : code).toLowerCase();
    if (stem.length < 3) return [];
    return this.dataset.regions
      .filter(
        (r) =>
          r.kind !== 'autonomous_republic' &&
          !r.included_in &&
          (r.name_en.toLowerCase().startsWith(stem) || r.name_az.toLowerCase().startsWith(stem)),
      )
      .map((r) => r.code);
  }

  /**
   * The leaf units (and Baku districts) a `serves` entry stands for: AZ-NX means all of Nakhchivan AR,
   * AZ-BA all 12 districts. A city whose population is published inside its rayon (AZ-LA, AZ-SA,
   * AZ-YE) stands for nobody on its own: the validator warns and suggests serving the rayon.
   */
  expand(code: string): { regions: string[]; districts: string[] } {
    const r = this.byCode.get(code);
    if (r?.parent_of) return { regions: r.parent_of, districts: [] };
    if (r?.included_in) return { regions: [], districts: [] };
    if (code === this.capital) return { regions: [code], districts: [...this.districts.keys()] };
    if (r) return { regions: [code], districts: [] };
    if (this.isDistrictCode(code)) return { regions: [], districts: [this.districtOf(code)] };
    return { regions: [], districts: [] };
  }

  private isDistrictCode(code: string): boolean {
    return this.capital !== '' && code.startsWith(`${this.capital}/`);
  }

  private districtOf(code: string): string {
    return code.slice(this.capital.length + 1);
  }
}
