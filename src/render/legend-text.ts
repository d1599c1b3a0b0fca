/**
 * The words of the map's legends and the facility states, in the run's language. The measures'
 * colours and class edges stay in palette.ts (the one place colours are chosen); only their words
 * are said again here. English is palette.ts's own text, unchanged.
 */
import type { FacilityState } from '../analysis/report.js';
import { ENGLISH, type Locale } from '../model/locale.js';
import { type MeasureScale, STATUS_STYLE } from './palette.js';
import { scaleIn } from './scale-words.js';

/** A facility state as a word: open, under construction, planned, closed. */
export const stateWord = (s: FacilityState, L: Locale = ENGLISH): string =>
  L.lang === 'en' ? STATUS_STYLE[s].label : L.t(`status.${s}`);

/** A measure's scale with its title, unit, class labels and no-data text in `L`'s language. */
export const localScale = (scale: MeasureScale, L: Locale = ENGLISH): MeasureScale => scaleIn(scale, L);

/** The label of the class of places no open facility reaches. */
export const unreachableLabel = (english: string, L: Locale = ENGLISH): string =>
  L.lang === 'en' ? english : L.t('measure.unreachable');
