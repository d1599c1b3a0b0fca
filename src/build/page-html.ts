/**
 * The studio page in a language, at build time: the messages the page's script says (only the
 * keys it uses, so its bundle carries no other language and none of the CLI's texts), and
 * index.html with its static texts said in that language.
 *
 * index.html stays plain English HTML, the English page as served. For another language each text
 * of it — between tags, and the title, aria-label and placeholder attributes — is looked up by its
 * English words among the `studio.html.*` messages and replaced whole; a text that has none is an
 * error, so no English is left on the page when index.html gains a label.
 */
import type { Language } from '../model/language.js';
import { catalogue } from '../model/locale.js';
import type { MessageKey } from '../model/messages/en.js';

/** The messages the page's script says: its own, and the legend's and states' words it shares with the report. */
const PAGE_KEYS = [
  'studio.',
  'status.',
  'measure.',
  'legend.',
  'map.kinds_html',
  'map.gap_tip',
  'map.gap_near',
  'place.caspian_sea',
  'validate.error',
  'validate.warning',
];

const inPage = (key: string) => PAGE_KEYS.some((k) => (k.endsWith('.') ? key.startsWith(k) : key === k));

/** The page's messages in `lang` (never the static page's texts: index.html is translated here). */
export function pageTexts(lang: Language): Record<string, string> {
  return Object.fromEntries(
    Object.entries(catalogue(lang)).filter(([k]) => inPage(k) && !k.startsWith('studio.html.')),
  );
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Any letter: a text of symbols only (+, −) is the same in every language. */
const WORDY = /\p{L}/u;

/** index.html in `lang`: `<html lang>` set, every text replaced by its message; English as it is. */
export function pageHtml(html: string, lang: Language): string {
  if (lang === 'en') return html;
  const english = catalogue('en');
  const local = catalogue(lang);
  const byText = new Map<string, MessageKey>();
  for (const key of Object.keys(english) as MessageKey[]) {
    if (!key.startsWith('studio.html.')) continue;
    const seen = byText.get(english[key]);
    if (seen && local[seen] !== local[key])
      throw new Error(`${seen} and ${key} say "${english[key]}" in English but differ in ${lang}`);
    byText.set(english[key], key);
  }
  const say = (text: string): string => {
    const key = byText.get(text);
    if (!key) throw new Error(`index.html: "${text}" has no studio.html.* message: add one to en.ts and ${lang}.ts`);
    return escapeHtml(local[key]);
  };
  return html
    .replace(/<html lang="en">/, `<html lang="${lang}">`)
    .replace(/\b(title|aria-label|placeholder)="([^"]*)"/g, (all, name: string, value: string) =>
      WORDY.test(value) ? `${name}="${say(value)}"` : all,
    )
    .replace(/>([^<]+)</g, (all, text: string) => {
      const words = text.trim();
      if (!WORDY.test(words)) return all;
      const at = text.indexOf(words);
      return `>${text.slice(0, at)}${say(words)}${text.slice(at + words.length)}<`;
    });
}
