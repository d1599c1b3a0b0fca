/**
 * The tooltip of the map: what a district, a facility or a suggested site stands for in the year,
 * in a few lines (text only), shown beside the pointer.
 */
import type { Candidate, Distances, MapData, State, Summary } from './api.js';
import { byId, fill, h } from './dom.js';
import { facilityState } from './facility-state.js';
import type { Cluster } from './land-layers.js';
import type { Hover } from './map-view.js';
import { stateWord } from './panel.js';
import { int, kindWord, LANG, num, pct, placeName, planDate, t, yearOrd } from './words.js';

/** What the tooltip reads: the page's current data. */
export interface TipData {
  year: number;
  map: MapData;
  state: State | null;
  summary: Summary | null;
  distances: Distances | null;
  candidates: Candidate[];
  gaps: Cluster[];
}

export function showTip(what: Hover, d: TipData, x: number, y: number): void {
  const box = byId('tooltip');
  const lines = what ? tipLines(what, d) : null;
  if (!lines) {
    box.hidden = true;
    return;
  }
  fill(box, h('strong', {}, lines[0]!), ...lines.slice(1).flatMap((l) => [h('br'), l]));
  box.hidden = false;
  // Beside the pointer, kept inside the window (CSSOM: the CSP allows it, unlike a style attribute).
  const w = box.offsetWidth;
  const height = box.offsetHeight;
  box.style.left = `${Math.max(4, Math.min(window.innerWidth - w - 4, x + 14))}px`;
  box.style.top = `${Math.max(4, y + 16 + height > window.innerHeight ? y - height - 10 : y + 16)}px`;
}

function tipLines(what: NonNullable<Hover>, d: TipData): string[] | null {
  if (what.kind === 'unit') return unitLines(what.id, d);
  if (what.kind === 'gap') return gapLines(d.gaps[Number(what.id)], d);
  if (what.kind === 'candidate') {
    const c = d.candidates[Number(what.id)];
    if (!c) return null;
    const region = c.region_az || c.region;
    return [
      t('studio.tip.candidate', { n: Number(what.id) + 1, name: c.name_az || (c.name ?? region) }),
      t('studio.tip.candidate_gain', { region, people: int(c.gain_people) }),
    ];
  }
  const f = d.state?.plan.facilities.find((x) => x.id === what.id);
  if (!f) return null;
  const use = d.summary?.capacity?.find((c) => c.facility === f.id)?.utilization;
  const opens = planDate(f.opens);
  return [
    t('studio.tip.named', { name: placeName(f), id: f.id }),
    t('studio.tip.state', {
      kind: kindWord(f.kind),
      state: stateWord(facilityState(f, d.year)),
      year: yearOrd(d.year),
    }),
    f.closes === null
      ? t('studio.tip.opens', { opens })
      : t('studio.tip.opens_closes', { opens, closes: planDate(f.closes) }),
    ...(use === undefined || use === null ? [] : [t('studio.tip.capacity', { pct: pct(use, 0) })]),
  ];
}

function unitLines(id: string, d: TipData): string[] | null {
  const props = d.map.features.find((f) => f.properties.id === id)?.properties;
  if (!props) return null;
  const u = d.summary?.units.find((x) => x.id === id);
  const facility = d.state?.plan.facilities.find((f) => f.id === u?.nearest_facility);
  const nearest = u?.nearest_facility ? (facility ? placeName(facility) : u.nearest_facility) : null;
  const trip = d.distances?.groups.find((g) => g.id === id)?.any;
  const r = d.summary?.regions.find((x) => x.id === props.economic_region);
  const region = r ? placeName(r) : props.economic_region;
  return [
    t('studio.tip.named', { name: placeName(props), id: props.id }),
    t('studio.tip.people', { people: int(props.population), region }),
    u
      ? t('studio.tip.covered', { pct: pct(u.covered_pct), year: yearOrd(d.year) })
      : t('studio.tip.no_figures', { year: d.year }),
    u?.mean_km === null || u?.mean_km === undefined
      ? t('studio.tip.unreachable')
      : t('studio.tip.mean_km', { km: num(u.mean_km, 1) }),
    ...(trip?.mean_min !== null && trip?.mean_min !== undefined
      ? [t('studio.tip.mean_min', { min: num(trip.mean_min, 0) })]
      : []),
    ...(trip?.unserved ? [t('studio.tip.unserved', { people: int(trip.unserved) })] : []),
    ...(nearest ? [t('studio.tip.nearest', { name: nearest })] : []),
  ];
}

/** A cluster of people beyond every standard: how many, where, and the facility nearest to them. */
function gapLines(c: Cluster | undefined, d: TipData): string[] | null {
  if (!c) return null;
  const p = c.properties;
  const facility = d.state?.plan.facilities.find((f) => f.id === p.facility_id);
  const name = facility ? placeName(facility) : p.facility_name;
  const near =
    name && p.mean_min !== null && p.mean_min !== undefined ? t('map.gap_near', { name, min: num(p.mean_min, 0) }) : '';
  const place = (LANG !== 'en' && d.map.settlements_az?.[p.settlement]) || p.settlement;
  return [t('map.gap_tip', { people: int(p.people), place, near })];
}
