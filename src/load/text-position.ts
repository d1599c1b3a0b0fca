/**
 * Where an offset of a text is, as a person finds it: line and column, both 1-based.
 *
 * The column counts characters (Unicode code points) from the start of the line, as VS Code's
 * "Go to Line/Column" and GitHub's annotations place them: `ə` is one column, and so is a letter
 * outside the Basic Multilingual Plane that JavaScript keeps as two UTF-16 units. A tab is one
 * column. A byte-order mark at the start of the text is not a column of line 1 (editors do not show
 * it). Lines end at LF, CRLF or a lone CR, as the CSV reader counts them.
 */

const LF = 10,
  CR = 13;

/** The column of `offset` on the line that starts at `lineStart`: characters before it, plus one. */
export function columnAt(text: string, lineStart: number, offset: number): number {
  let from = lineStart;
  if (from === 0 && text.charCodeAt(0) === 0xfeff && offset > 0) from = 1;
  let column = offset - from + 1;
  // A surrogate pair is one character: count the second half of each pair out.
  for (let i = from + 1; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) {
      const h = text.charCodeAt(i - 1);
      if (h >= 0xd800 && h <= 0xdbff) column--;
    }
  }
  return column;
}

/** Where the line holding `offset` starts (just after the line break before it, or 0). */
export function lineStartOf(text: string, offset: number): number {
  for (let i = Math.min(offset, text.length) - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) return i + 1;
  }
  return 0;
}

/** Line and column of `offset` (one pass over the text before it: for messages, not for loops). */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1,
    start = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: columnAt(text, start, offset) };
}
