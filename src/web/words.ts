/**
 * The page's language: its messages, numbers, dates and place names. The bundle is built once per
 * language (src/build/web-bundle.ts): esbuild puts that language and only the part of the catalogue
 * the page says (PAGE_KEYS there) in place of STUDIO_LANG and STUDIO_TEXTS, so the page carries
 * neither the other language nor the CLI's messages. Numbers and dates are written by the CLI's
 * own module (model/number-text.ts): the same "72,2 %" as `dostplan coverage --lang az`.
 */
import type { Language } from '../model/language.js';
import { fill, type Params } from '../model/messages/catalogue.js';
import type { EnglishCatalogue, MessageKey } from '../model/messages/en.js';
import { decimal, integer, isoDateText, percent, yearOrdinal } from '../model/number-text.js';

declare const STUDIO_LANG: Language;
declare const STUDIO_TEXTS: Readonly<Record<string, string>>;

export const LANG: Language = STUDIO_LANG;
const TEXTS = STUDIO_TEXTS;

/** The message `key` in the page's language, its placeholders filled. */
export function t<K extends MessageKey>(key: K, ...params: Params<EnglishCatalogue[K]>): string {
  return fill(TEXTS[key] ?? key, params[0] as Record<string, string | number> | undefined);
}

const en = LANG === 'en';

/** A whole number: 1,234,567 / 1 234 567. */
export const int = (n: number): string => (en ? Math.round(n).toLocaleString('en-US') : integer(n, LANG));

/** A number with `digits` decimals: 12.5 / 12,5. */
export const num = (n: number, digits: number): string => (en ? n.toFixed(digits) : decimal(n, digits, LANG));

/** A value in percent: "72.25 %" (the page's English form, unchanged) / "72,25 %". */
export const pct = (n: number | null | undefined, digits = 1): string =>
  n === null || n === undefined || !Number.isFinite(n) ? '–' : en ? `${n.toFixed(digits)} %` : percent(n, digits, LANG);

/** A plan date as the plan wrote it (English) or in words ("1 yanvar 2027"). */
export const planDate = (d: string | number): string => (en ? String(d) : isoDateText(String(d), LANG));

/** A year before the word for year: 2030 / 2030-cu. */
export const yearOrd = (year: number): string => yearOrdinal(year, LANG);

/** A facility kind as a word (center, branch; anything else as it is). */
export const kindWord = (kind: string): string =>
  kind === 'center' ? t('studio.kind.center') : kind === 'branch' ? t('studio.kind.branch') : kind;

/** A place's name in the page's language: its Azerbaijani name where the server sent one. */
export const placeName = (p: { name: string; name_az?: string | null | undefined }): string =>
  (!en && p.name_az) || p.name;

/** What render/legend-text.ts needs of a language to say a measure's legend (a Locale's subset). */
export const pageWords = { lang: LANG, t, num };
