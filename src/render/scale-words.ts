/**
 * A measure's legend words in a language (its title, unit, class labels, no-data text), from
 * anything that says messages and numbers as a Locale does: the CLI's Locale (legend-text.ts), or
 * the studio page's words, which carry only the page's part of the catalogue. Imports types only,
 * so the page's bundle takes no catalogue from here. English is palette.ts's own text.
 */
import type { Language } from '../model/language.js';
import type { Params } from '../model/messages/catalogue.js';
import type { EnglishCatalogue, MessageKey } from '../model/messages/en.js';
import type { MeasureScale } from './palette.js';

/** What a legend needs of a language (a Locale has it; model/locale.ts is not imported, it carries the catalogue). */
export interface Words {
  lang: Language;
  t<K extends MessageKey>(key: K, ...params: Params<EnglishCatalogue[K]>): string;
  num(x: number, digits: number): string;
}

type ScaleId = 'coverage' | 'travel-time' | 'utilization' | 'gaps';

/** A class's label from its edges, as palette.ts writes it, in `L`'s language. */
function classLabel(id: ScaleId, a: number, b: number, last: boolean, L: Words): string {
  const n = (x: number) => L.num(x, Number.isInteger(x) ? 0 : 1);
  if (id === 'coverage') return L.t('legend.pct_range', { a: n(a), b: n(last ? 100 : b) });
  if (id === 'utilization')
    return last ? L.t('legend.pct_more', { a: n(a) }) : L.t('legend.pct_range', { a: n(a), b: n(b) });
  return last ? L.t('legend.min_more', { a: n(a) }) : L.t('legend.min_range', { a: n(a), b: n(b) });
}

/** A measure's scale with its words in `L`'s language (English: the scale as it is). */
export function scaleIn(scale: MeasureScale, L: Words): MeasureScale {
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
