/**
 * Phrases several results share, in the run's language: the distance model, the population basis,
 * the standards. Results carry these as data in English (JSON keeps them); people read them here.
 */
import type { PopulationBasisLabel } from '../analysis/demand.js';
import { describeBasis } from '../analysis/demand.js';
import { ENGLISH, type Locale } from '../model/locale.js';
import type { ModelSummary } from '../travel/travel-cost.js';

/** The distance model in words: "road ≈ geodesic × 1.3 circuity; travel time at 50 km/h". */
export function modelText(m: ModelSummary, L: Locale = ENGLISH): string {
  if (L.lang === 'en') return m.description;
  if (m.type !== 'roads' && m.circuity !== undefined && m.speed_kmh !== undefined) {
    const speed = L.num(m.speed_kmh, decimals(m.speed_kmh));
    return m.circuity === 1
      ? L.t('model.geodesic', { speed })
      : L.t('model.circuity', { circuity: L.num(m.circuity, decimals(m.circuity)), speed });
  }
  return roadsText(m.description, L);
}

/**
 * A distance model known only by its English description (a plan diff keeps the descriptions):
 * "geodesic (…); travel time at 60 km/h", "road ≈ geodesic × 1.3 circuity; …", a road network.
 */
export function modelDescriptionText(s: string, L: Locale = ENGLISH): string {
  if (L.lang === 'en') return s;
  const m =
    /^(?:geodesic \(WGS84 great circle\)|road ≈ geodesic × ([\d.]+) circuity); travel time at ([\d.]+) km\/h$/.exec(s);
  if (!m) return roadsText(s, L);
  const speed = Number(m[2]);
  const circuity = m[1] === undefined ? 1 : Number(m[1]);
  return modelText({ description: s, circuity, speed_kmh: speed }, L);
}

/** As many decimals as the number has (up to 3): 1.3 → "1,3", 50 → "50". */
const decimals = (x: number) => Math.min(3, (String(x).split('.')[1] ?? '').length);

/** The road model's description (travel/roads/road-model.ts), its fixed words translated. */
function roadsText(s: string, L: Locale): string {
  const m =
    /^road network: (.*), ([\d,]+) km of roads, (.+?) profile; off-road access at ([\d.]+) km\/h up to ([\d.]+) km$/.exec(
      s,
    );
  if (!m) return s;
  const [, file, km, profile, speed, max] = m;
  return L.t('model.roads', {
    file: file!,
    km: L.int(Number(km!.replace(/,/g, ''))),
    // A profile file's own name (`name:` in it) is the user's, as given.
    profile: profile === 'walk' ? L.t('model.profile_walk') : profile === 'car' ? L.t('model.profile_car') : profile!,
    speed: L.num(Number(speed), decimals(Number(speed))),
    max: L.num(Number(max), decimals(Number(max))),
  });
}

/** "population basis: resident (…)". */
export function basisText(b: PopulationBasisLabel, L: Locale = ENGLISH): string {
  if (L.lang === 'en') return describeBasis(b);
  if (b === 'file-scaled') return L.t('population.file_scaled');
  return L.t(b === 'file' ? 'population.file' : b === 'resident' ? 'population.resident' : 'population.registered');
}

/** "Standards: center ≤ 30 km; branch ≤ 15 km." with only the kinds the result counts. */
export function standardsLine(s: { center?: string; branch?: string }, L: Locale = ENGLISH): string {
  const parts = (['center', 'branch'] as const)
    .filter((k) => s[k] !== undefined)
    .map((k) => `${L.t(`common.${k}`)} ${L.threshold(s[k]!)}`);
  return L.t(parts.length === 1 ? 'standards.one' : 'standards.many', { list: parts.join('; ') });
}

/** A facility kind or "any", as a word. */
export const kindWord = (k: 'center' | 'branch' | 'any', L: Locale = ENGLISH): string => L.t(`common.${k}`);

/** "(population of 1 January 2024, the nearest year with data)", or '' for the year itself. */
export const nearestYearNote = (year: number, populationYear: number, L: Locale = ENGLISH): string =>
  populationYear === year ? '' : ` ${L.t('population.nearest_year', { date: L.day(populationYear, 1, 1) })}`;
