/**
 * Alphabetical order the Azerbaijani way, for lists of names a person reads in Azerbaijani (the
 * explorer's units sorted by name): a b c ç d e ə f g ğ h x ı i j k q l m n o ö p r s ş t u ü v y z.
 * Root collation (compare-text.ts) reads ç, ş, ö… as c, s, o with an accent and keeps q and x
 * where Latin has them; an Azerbaijani reader looks for Sumqayıt before Şəki, Qəbələ before
 * Ordubad and Xaçmaz before İmişli. Hand-written, not Intl (ICU's `az` tailoring depends on
 * the build).
 *
 * Case is ignored (İ is i, I is ı); digits come before letters, other marks before digits, and
 * letters outside the alphabet (w, foreign ones) after z. Names equal but for case or marks fall
 * back to compareText, so the order is total and the same on every machine.
 */
import { compareText } from './compare-text.js';

const ALPHABET = 'abcçdeəfgğhxıijkqlmnoöprsştuüvyz';
const RANK = new Map([...ALPHABET].map((c, i) => [c, i]));
/** Classes of characters in order: marks and punctuation, digits, the alphabet, other letters. */
const SPAN = 0x110000;

/** Lower case the Azerbaijani way, composed (a decomposed Ş is one letter). */
const lower = (s: string) => s.normalize('NFC').replace(/İ/g, 'i').replace(/I/g, 'ı').toLowerCase();

function weight(ch: string): number {
  const rank = RANK.get(ch);
  if (rank !== undefined) return 2 * SPAN + rank;
  const code = ch.codePointAt(0)!;
  if (/\p{L}/u.test(ch)) return 3 * SPAN + code;
  if (/\p{Nd}/u.test(ch)) return SPAN + code;
  return code;
}

/** Azerbaijani alphabetical order (sign only: -1, 0 or 1). */
export function compareAzerbaijani(a: string, b: string): number {
  if (a === b) return 0;
  const x = [...lower(a)],
    y = [...lower(b)];
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = weight(x[i]!) - weight(y[i]!);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return compareText(a, b);
}
