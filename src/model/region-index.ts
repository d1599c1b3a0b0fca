/** Lookups over the regions dataset that the checks and analyses share. */
import type { BakuDistrict, Dataset, Region } from './dataset.js';

export const BAKU = 'AZ-BA';

export class RegionIndex {
  readonly byCode = new Map<string, Region>();
  readonly districts = new Map<string, BakuDistrict>();

  constructor(readonly dataset: Dataset) {
    for (const r of dataset.regions) this.byCode.set(r.code, r);
    for (const d of dataset.baku_districts) this.districts.set(d.id, d);
  }

  /** Every code a plan may name in `serves`: unit codes and AZ-BA/<district>. */
  servableCodes(): string[] {
    return [...this.byCode.keys(), ...[...this.districts.keys()].map((d) => `${BAKU}/${d}`)];
  }

  isServable(code: string): boolean {
    return this.byCode.has(code) || (code.startsWith(`${BAKU}/`) && this.districts.has(code.slice(BAKU.length + 1)));
  }

  describe(code: string): string {
    const r = this.byCode.get(code);
    if (r) return r.name_en;
    const d = this.districts.get(code.slice(BAKU.length + 1));
    return d ? `Baku, ${d.name_en} district` : code;
  }

  /** Finds a code by its English or Azerbaijani name (for suggestions when a name is written instead of a code). */
  codeForName(name: string): string | undefined {
    const n = name.trim().toLowerCase();
    for (const r of this.dataset.regions) if (r.name_en.toLowerCase() === n || r.name_az.toLowerCase() === n) return r.code;
    return undefined;
  }

  /**
   * Units whose English or Azerbaijani name starts with the letters after "AZ-" (AZ-GAN → Ganja):
   * planners often abbreviate the name instead of using the ISO code.
   */
  codesByNamePrefix(code: string): string[] {
    const stem = code.replace(/^AZ-/i, '').toLowerCase();
    if (stem.length < 3) return [];
    return this.dataset.regions
      .filter((r) => r.kind !== 'autonomous_republic' && !r.included_in && (r.name_en.toLowerCase().startsWith(stem) || r.name_az.toLowerCase().startsWith(stem)))
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
    if (code === BAKU) return { regions: [BAKU], districts: [...this.districts.keys()] };
    if (r) return { regions: [code], districts: [] };
    if (code.startsWith(`${BAKU}/`)) return { regions: [], districts: [code.slice(BAKU.length + 1)] };
    return { regions: [], districts: [] };
  }
}
