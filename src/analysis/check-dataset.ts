/** Consistency of the regions dataset itself: the parts add up to the published totals. */
import { leafRegions, type Dataset } from '../model/dataset.js';
import { en } from '../model/messages/en.js';
import { type Said, amount, said, sayIn } from '../model/said.js';

/** A problem of the dataset: its English text and its catalogue message (said in the run's language). */
export interface DatasetProblem {
  message: string;
  said: Said;
}

/** English writes these sums as it always has, ungrouped (2024: … add up to 10180775); others group them. */
const problem = (s: Said): DatasetProblem => ({
  message: sayIn(en, s, undefined, (x, digits) => x.toFixed(digits)),
  said: s,
});

/** `capital`: the unit whose districts the dataset lists (their populations must add up to it). */
export function checkDataset(ds: Dataset, capital = ''): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const leaves = leafRegions(ds);
  for (const y of ds.years) {
    const key = String(y);
    const national = amount(ds.national[key] ?? 0);
    const sum = leaves.reduce((a, r) => a + (r.population[key] ?? 0), 0);
    if (sum !== ds.national[key])
      problems.push(problem(said('dataset.units_sum', { year: y, sum: amount(sum), national })));
    // Residents are the same people counted where they live: the nation is the same on both bases.
    if (leaves.some((r) => r.resident)) {
      const res = leaves.reduce((a, r) => a + ((r.resident ?? r.population)[key] ?? 0), 0);
      if (res !== ds.national[key])
        problems.push(problem(said('dataset.resident_sum', { year: y, sum: amount(res), national })));
    }
    if (!capital) continue;
    const city = ds.regions.find((r) => r.code === capital);
    const name = { place: capital, name: city?.name_en ?? capital };
    const districts = ds.baku_districts.reduce((a, d) => a + (d.population[key] ?? 0), 0);
    const whole = city?.population[key] ?? 0;
    if (districts !== whole)
      problems.push(
        problem(said('dataset.districts_sum', { year: y, city: name, sum: amount(districts), whole: amount(whole) })),
      );
    if (city?.resident) {
      const dRes = ds.baku_districts.reduce((a, d) => a + ((d.resident ?? d.population)[key] ?? 0), 0);
      if (dRes !== city.resident[key])
        problems.push(
          problem(
            said('dataset.districts_resident_sum', {
              year: y,
              city: name,
              sum: amount(dRes),
              whole: amount(city.resident[key] ?? 0),
            }),
          ),
        );
    }
  }
  const econ = new Set(ds.economic_regions.map((e) => e.id));
  for (const r of ds.regions)
    if (!econ.has(r.economic_region))
      problems.push(problem(said('dataset.unknown_economic_region', { code: r.code, id: r.economic_region })));
  return problems;
}
