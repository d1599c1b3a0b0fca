/**
 * The words of the map's legends and the facility states, in the run's language. The measures'
 * colours and class edges stay in palette.ts (the one place colours are chosen); only their words
 * are said again here. English is palette.ts's own text, unchanged.
 */
import type { FacilityState } from '../analysis/report.js';
import { ENGLISH, type Locale } from '../model/locale.js';
import { type MeasureScale, STATUS_STYLE } from './palette.js';

/** A facility state as a word: open, under construction, planned, closed. */
export const stateWord = (s: FacilityState, L: Locale = ENGLISH): string =>
  L.lang === 'en' ? STATUS_STYLE[s].label : L.t(`status.${s}`);

type ScaleId = 'coverage' | 'travel-time' | 'utilization' | 'gaps';

/** A class's label from its edges, as palette.ts writes it, in `L`'s language. */
function classLabel(id: ScaleId, a: number, b: number, last: boolean, L: Locale): string {
  const n = (x: number) => L.num(x, Number.isInteger(x) ? 0 : 1);
  if (id === 'coverage') return L.t('legend.pct_range', { a: n(a), b: n(last ? 100 : b) });
  if (id === 'utilization')
    return last ? L.t('legend.pct_more', { a: n(a) }) : L.t('legend.pct_range', { a: n(a), b: n(b) });
  return last ? L.t('legend.min_more', { a: n(a) }) : L.t('legend.min_range', { a: n(a), b: n(b) });
}

/** A measure's scale with its title, unit, class labels and no-data text in `L`'s language. */
export function localScale(scale: MeasureScale, L: Locale = ENGLISH): MeasureScale {
  if (L.lang === 'en') return scale;
  const id = scale.id as ScaleId;
  return {
    ...scale,
    title: L.t(`measure.${id}.title`),
    unit: L.t(`measure.${id}.unit`),
    noData: scale.noData === null ? null : L.t(id === 'utilization' ? 'measure.no_capacity' : 'measure.nobody'),
    classes: scale.classes.map((c, i) => ({
      ...c,
      label: classLabel(id, c.from, c.to, i === scale.classes.length - 1, L),
    })),
  };
}

/** The label of the class of places no open facility reaches. */
export const unreachableLabel = (english: string, L: Locale = ENGLISH): string =>
  L.lang === 'en' ? english : L.t('measure.unreachable');
