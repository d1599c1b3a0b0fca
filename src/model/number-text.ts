/**
 * Numbers and dates as a person reads them, in English or Azerbaijani — the one place they are
 * written. Hand-written, not Intl: Node's ICU data differs between builds (small-icu, system ICU),
 * and the same inputs must give the same bytes on every machine.
 *
 * Azerbaijani (docs/glossary.md, "Numbers and dates"): decimal comma and a space between groups of
 * thousands, as the State Statistical Committee prints its Azerbaijani tables ("10 253 647 nəfər",
 * "54,4 faiz"); CLDR's `az` locale has the same decimal comma. The group space is a no-break space
 * (U+00A0) so a number never breaks across lines; the percent sign follows a no-break space too
 * ("72,2 %"), as in Azerbaijani typography. Month names are lower case: "1 yanvar 2030".
 */
import type { Language } from './language.js';

/** U+00A0: groups thousands and stands before % in Azerbaijani. */
export const NBSP = '\u00A0';

const MONTHS: Record<Language, readonly string[]> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  az: ['yanvar', 'fevral', 'mart', 'aprel', 'may', 'iyun', 'iyul', 'avqust', 'sentyabr', 'oktyabr', 'noyabr', 'dekabr'],
};

interface Marks {
  group: string;
  decimal: string;
  /** Between a number and its % sign. */
  percent: string;
}

const MARKS: Record<Language, Marks> = {
  en: { group: ',', decimal: '.', percent: '' },
  az: { group: NBSP, decimal: ',', percent: NBSP },
};

/** Digits grouped by three from the right. */
const grouped = (digits: string, sep: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);

/**
 * x with `digits` decimals (toFixed's rounding), thousands grouped: 1,234.5 / 1 234,5. Negative
 * zero prints as 0; a non-finite number as an en dash (never "NaN" in a table).
 */
export function decimal(x: number, digits: number, lang: Language = 'en'): string {
  if (!Number.isFinite(x)) return '–';
  const m = MARKS[lang];
  const fixed = Math.abs(x).toFixed(digits);
  const [whole, frac] = fixed.split('.') as [string, string | undefined];
  const negative = x < 0 && /[1-9]/.test(fixed);
  return `${negative ? '-' : ''}${grouped(whole, m.group)}${frac === undefined ? '' : m.decimal + frac}`;
}

/** A whole number, rounded: 1,234,567 / 1 234 567. */
export const integer = (x: number, lang: Language = 'en'): string => decimal(Math.round(x), 0, lang);

/**
 * A percentage already in percent: 72.2% / 72,2 %. English keeps its long-standing form, toFixed
 * without groups ("2174%", as every English output and the docs print it); Azerbaijani groups.
 */
export const percent = (x: number, digits = 1, lang: Language = 'en'): string =>
  lang === 'en' ? `${x.toFixed(digits)}%` : `${decimal(x, digits, lang)}${MARKS[lang].percent}%`;

/** A share (0–1) as a percentage: 0.722 → 72.2% / 72,2 %. */
export const share = (x: number, digits = 1, lang: Language = 'en'): string => percent(x * 100, digits, lang);

/** A month's name (1–12): "March" / "mart". */
export const monthName = (month: number, lang: Language = 'en'): string => MONTHS[lang][month - 1] ?? String(month);

/** A day: "1 January 2030" / "1 yanvar 2030". */
export const dayText = (year: number, month: number, day: number, lang: Language = 'en'): string =>
  `${day} ${monthName(month, lang)} ${year}`;

/** An ISO date (YYYY-MM-DD, or YYYY-MM, or YYYY) in words; anything else as given. */
export function isoDateText(iso: string, lang: Language = 'en'): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  if (!mo) return y!;
  if (!d) return `${monthName(Number(mo), lang)} ${y}`;
  return dayText(Number(y), Number(mo), Number(d), lang);
}

/** The Azerbaijani ordinal suffix of a number's last non-zero place, by vowel harmony (bir → -ci, üç → -cü). */
const ONES = ['', 'ci', 'ci', 'cü', 'cü', 'ci', 'cı', 'ci', 'ci', 'cu'];
const TENS = ['', 'cu', 'ci', 'cu', 'cı', 'ci', 'cı', 'ci', 'ci', 'cı'];

/**
 * A year as an ordinal before "il": "2030-cu", "2026-cı", "2024-cü", "2100-cü", "2000-ci" (the
 * suffix follows the last word spoken: otuz → otuzuncu, altı → altıncı, yüz → yüzüncü, min →
 * mininci). English has no such form: the year as it is.
 */
export function yearOrdinal(year: number, lang: Language = 'en'): string {
  if (lang === 'en') return String(year);
  const n = Math.abs(Math.trunc(year));
  const suffix =
    n % 10 !== 0
      ? ONES[n % 10]
      : n % 100 !== 0
        ? TENS[(n % 100) / 10]
        : n % 1000 !== 0
          ? 'cü' // yüz
          : 'ci'; // min
  return `${year}-${suffix}`;
}

/**
 * Upper case the Azerbaijani way: i → İ and ı → I (JavaScript's toUpperCase gives I for both, and
 * toLocaleUpperCase('az') depends on the ICU data Node was built with).
 */
export const upperCase = (s: string, lang: Language = 'en'): string =>
  lang === 'az' ? s.replace(/i/g, 'İ').replace(/ı/g, 'I').toUpperCase() : s.toUpperCase();
