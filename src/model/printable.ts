/**
 * Text from input files (ids, names, keys) reaches the terminal inside messages and reports. Control
 * characters in it (newlines, ESC of ANSI color codes, bell) would break lines or drive the terminal;
 * they are shown escaped instead: "GAN\u001b[31m" prints as GAN\x1b[31m, a bidirectional override as \u202e.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_OR_NEWLINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): printed raw they
 * reorder the text around them ("Trojan Source", CVE-2021-42574), so a name could read as another.
 */
export const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

const escaped = (c: string) => {
  const code = c.charCodeAt(0);
  return code > 0xff ? `\\u${code.toString(16)}` : `\\x${code.toString(16).padStart(2, '0')}`;
};

/** Escapes control characters; with `keepNewlines` multi-line text keeps its line breaks. */
export function printable(s: string, keepNewlines = false): string {
  return s.replace(keepNewlines ? CONTROL : CONTROL_OR_NEWLINE, escaped);
}

/**
 * Free text a plan may write over several lines (a target's label, a reason) placed on one line of
 * output: its line breaks and the blanks around them become one space. A line break printed as it
 * is would start a line of its own — in a CI log, a line starting `::error::` is a GitHub workflow
 * command, so a plan could forge annotations.
 */
export function oneLine(s: string): string {
  return s.replace(/[^\S\r\n]*[\r\n]+\s*/g, ' ');
}

/**
 * A library's error message (YAML, XML, TIFF parsers) without any text it quotes from the file:
 * quoted parts become "…", as does anything after a colon and a space (where parsers append the
 * offending name), and it is cut to 80 characters. What is left says what went wrong, not what
 * the file holds.
 */
export function reasonOnly(message: string): string {
  const first = message.split('\n', 1)[0] ?? '';
  return first
    .replace(/"[^"]*"|'[^']*'|`[^`]*`/g, '…')
    .replace(/:\s.*$/, '')
    .slice(0, 80)
    .trim();
}
