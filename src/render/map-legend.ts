/**
 * The map legend as HTML for the report page: real text that stays readable at any width (an SVG
 * legend scales down with the map, to ~5 px on a phone), with small inline SVG swatches.
 */
import type { FacilityState } from '../analysis/report.js';
import { legendEntries, type MeasureScale, UNREACHABLE_LABEL } from './palette.js';
import { ENGLISH, type Locale } from '../model/locale.js';
import { stateWord, unreachableLabel } from './legend-text.js';
import { marker } from './svg-map.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const swatch = (inner: string, w = 20) =>
  `<svg class="swatch" width="${w}" height="14" viewBox="0 0 ${w} 14" aria-hidden="true">${inner}</svg>`;

export function htmlMapLegend(scale: MeasureScale, states: FacilityState[], L: Locale = ENGLISH): string {
  const classes = legendEntries(scale, unreachableLabel(UNREACHABLE_LABEL, L))
    .map(
      (c) =>
        `<li>${swatch(`<rect x="1" y="1" width="18" height="12" fill="${c.color}" stroke="#999" stroke-width="0.5"/>`)}${esc(c.label)}</li>`,
    )
    .join('');
  const status = (['open', 'under_construction', 'planned', 'closed'] as const)
    .filter((s) => s !== 'closed' || states.includes('closed'))
    .map(
      (s) =>
        `<li>${swatch(marker('center', s, 7, 7, 10) + marker('branch', s, 22, 7, 7), 30)}${esc(stateWord(s, L))}</li>`,
    )
    .join('');
  return `<div class="legend" id="map-legend">
<div><h3>${esc(scale.title)}</h3><p class="unit">${esc(scale.unit)}</p><ul>${classes}</ul></div>
<div><h3>${esc(L.t('map.facilities'))}</h3><p class="unit">${esc(L.t('map.kinds_html'))}</p><ul>${status}</ul></div>
</div>`;
}
