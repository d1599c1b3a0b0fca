/**
 * Ordering of ids, codes and file names in every output: Unicode's root collation (what
 * `localeCompare` gives under an English locale), the same on every machine. `localeCompare`
 * alone follows the machine's locale: under az_AZ "w" sorts after "z", under da_DK "aa" after
 * "z", so a planner's output order would depend on where it ran. For printable ASCII the root
 * order is a fixed table — punctuation, then digits, then letters with case ignored — and case
 * decides only between otherwise equal strings (lower case first); that also spares building an
 * ICU collator. Anything else is compared by ICU under the fixed locale 'en'. A test checks the
 * table against ICU on random strings.
 */

/** Printable ASCII in root-collation order; a letter's upper case shares its lower case's weight. */
const ROOT_ORDER = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789aAbBcCdDeEfFgGhHiIjJkKlLmMnNoOpPqQrRsStTuUvVwWxXyYzZ';

const PRIMARY = new Uint8Array(128).fill(255);
for (let i = 0, w = 0; i < ROOT_ORDER.length; i++) {
  const c = ROOT_ORDER.charCodeAt(i);
  const isUpper = c >= 65 && c <= 90;
  PRIMARY[c] = isUpper ? PRIMARY[c + 32]! : ++w;
}

function isPrintableAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || PRIMARY[c] === 255) return false;
  }
  return true;
}

/** Root-collation order, whatever the machine's locale (sign only: -1, 0 or 1). */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  if (!isPrintableAscii(a) || !isPrintableAscii(b)) return Math.sign(a.localeCompare(b, 'en'));
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = PRIMARY[a.charCodeAt(i)]! - PRIMARY[b.charCodeAt(i)]!;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  // Equal but for case: the first difference decides, lower case first.
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i),
      y = b.charCodeAt(i);
    if (x !== y) return x > y ? -1 : 1;
  }
  return 0;
}
