/** Consistency of the regions dataset itself: the parts add up to the published totals. */
import { leafRegions, type Dataset } from '../model/dataset.js';

/** `capital`: the unit whose districts the dataset lists (their populations must add up to it). */
export function checkDataset(ds: Dataset, capital = ''): string[] {
  const problems: string[] = [];
  const leaves = leafRegions(ds);
  for (const y of ds.years) {
    const key = String(y);
    const sum = leaves.reduce((a, r) => a + (r.population[key] ?? 0), 0);
    if (sum !== ds.national[key]) problems.push(`${y}: units add up to ${sum}, national total is ${ds.national[key]}`);
    // Residents are the same people counted where they live: the nation is the same on both bases.
    if (leaves.some((r) => r.resident)) {
      const res = leaves.reduce((a, r) => a + ((r.resident ?? r.population)[key] ?? 0), 0);
      if (res !== ds.national[key])
        problems.push(`${y}: resident populations add up to ${res}, national total is ${ds.national[key]}`);
    }
    if (!capital) continue;
    const city = ds.regions.find((r) => r.code === capital);
    const districts = ds.baku_districts.reduce((a, d) => a + (d.population[key] ?? 0), 0);
    const whole = city?.population[key] ?? 0;
    if (districts !== whole)
      problems.push(`${y}: ${city?.name_en ?? capital} districts add up to ${districts}, the city is ${whole}`);
    if (city?.resident) {
      const dRes = ds.baku_districts.reduce((a, d) => a + ((d.resident ?? d.population)[key] ?? 0), 0);
      if (dRes !== city.resident[key])
        problems.push(
          `${y}: ${city.name_en} districts' residents add up to ${dRes}, the city's are ${city.resident[key]}`,
        );
    }
  }
  const econ = new Set(ds.economic_regions.map((e) => e.id));
  for (const r of ds.regions)
    if (!econ.has(r.economic_region)) problems.push(`${r.code}: unknown economic region ${r.economic_region}`);
  return problems;
}
