/**
 * The tooltip of the map: what a district, a facility or a suggested site stands for in the year,
 * in a few lines (text only), shown beside the pointer.
 */
import { STATUS_STYLE } from '../render/palette.js';
import type { Candidate, Distances, MapData, State, Summary } from './api.js';
import { byId, fill, h, int, pct } from './dom.js';
import { facilityState } from './facility-state.js';
import type { Hover } from './map-view.js';

/** What the tooltip reads: the page's current data. */
export interface TipData {
  year: number;
  map: MapData;
  state: State | null;
  summary: Summary | null;
  distances: Distances | null;
  candidates: Candidate[];
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
  if (what.kind === 'candidate') {
    const c = d.candidates[Number(what.id)];
    return c
      ? [
          `Suggested site ${Number(what.id) + 1}: ${c.name ?? c.region}`,
          `${c.region}: +${int(c.gain_people)} people covered`,
        ]
      : null;
  }
  const f = d.state?.plan.facilities.find((x) => x.id === what.id);
  if (!f) return null;
  const use = d.summary?.capacity?.find((c) => c.facility === f.id)?.utilization;
  return [
    `${f.name} (${f.id})`,
    `${f.kind}, ${STATUS_STYLE[facilityState(f, d.year)].label} at the end of ${d.year}`,
    `opens ${f.opens}${f.closes === null ? '' : `, closes ${f.closes}`}`,
    ...(use === undefined || use === null ? [] : [`${use.toFixed(0)} % of capacity`]),
  ];
}

function unitLines(id: string, d: TipData): string[] | null {
  const props = d.map.features.find((f) => f.properties.id === id)?.properties;
  if (!props) return null;
  const u = d.summary?.units.find((x) => x.id === id);
  const nearest = u?.nearest_facility
    ? (d.state?.plan.facilities.find((f) => f.id === u.nearest_facility)?.name ?? u.nearest_facility)
    : null;
  const trip = d.distances?.groups.find((g) => g.id === id)?.any;
  const region = d.summary?.regions.find((r) => r.id === props.economic_region)?.name ?? props.economic_region;
  return [
    `${props.name} (${props.id})`,
    `${int(props.population)} people · ${region}`,
    u ? `${pct(u.covered_pct)} within the standard in ${d.year}` : `${d.year}: no figures`,
    u?.mean_km === null || u?.mean_km === undefined
      ? 'no open facility reachable'
      : `mean ${u.mean_km.toFixed(1)} km to the nearest open facility`,
    ...(trip?.mean_min !== null && trip?.mean_min !== undefined ? [`mean ${trip.mean_min.toFixed(0)} min`] : []),
    ...(trip?.unserved ? [`${int(trip.unserved)} can reach no open facility`] : []),
    ...(nearest ? [`nearest: ${nearest}`] : []),
  ];
}
