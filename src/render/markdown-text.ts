/**
 * Text from a plan (names, labels, ids, file names) placed in Markdown is text, not markup: a
 * name with a newline must not start a heading, `<!--` must not hide the rest of a pull-request
 * comment, and HTML, links, images, emphasis and table pipes must show as typed.
 *
 * Line breaks and tabs become spaces, so the text never starts a new line; leading blanks go, and
 * what would make a block of a line the text starts (#, -, +, 1., a row of = or -) is escaped, as
 * the text may come first on a line (a list item's, a paragraph's). The characters that make
 * inline markup are backslash-escaped: \ ` * _ [ ] < > ~ & $ (links and images need `[`, HTML and
 * comments `<`, entities `&`, GitHub's math `$`; a table cell's `|` is mdCell's to escape); and
 * because GitHub finds
 * @mentions and bare links (www., https://, a@b.c) in the text *after* escapes are read, a
 * zero-width space (U+200B) goes after each `@`, inside `://` and after `www`, which renders
 * nothing but stops them being linked.
 */
const INLINE = /[\\`*_[\]<>~&$]/g;

/** A heading's #s, a list's - + or 1. / 1), a setext underline of = or -, at the start of the text. */
const BLOCK_START = /^(?:(#{1,6}|[-+])(?=\s|$)|(\d{1,9})([.)])(?=\s|$)|([=-]+)\s*$)/;

export function mdText(s: string): string {
  return s
    .replace(/[\r\n\t\v\f]+/g, ' ')
    .replace(/^ +/, '') // four would make a code block
    .replace(INLINE, (c) => `\\${c}`)
    .replace(BLOCK_START, (_m, mark?: string, digits?: string, dot?: string, rule?: string) =>
      mark ? `\\${mark}` : digits ? `${digits}\\${dot}` : `\\${rule}`,
    )
    .replace(/@/g, '@\u200b')
    .replace(/:\/\//g, ':\u200b//')
    .replace(/\b(www)\./gi, '$1\u200b.');
}

/** A Markdown table cell: text as mdText makes it, and its pipes escaped (a pipe would start a cell). */
export function mdCell(s: string): string {
  return mdText(s).replace(/\|/g, '\\|');
}
