/**
 * Text from a plan (names, labels, ids, file names) placed in Markdown is text, not markup: a
 * name with a newline must not start a heading, `<!--` must not hide the rest of a pull-request
 * comment, and HTML, links, images, emphasis and table pipes must show as typed.
 *
 * Line breaks and tabs become spaces, so the text never starts a line and no block markup (#, -,
 * 1., >, ```) can apply; the characters that make inline markup are backslash-escaped: \ ` * _
 * [ ] < > ~ & $ (links and images need `[`, HTML and comments `<`, entities `&`, GitHub's math
 * `$`; a table cell's `|` is markdownTable's to escape); and because GitHub finds
 * @mentions and bare links (www., https://, a@b.c) in the text *after* escapes are read, a
 * zero-width space (U+200B) goes after each `@`, inside `://` and after `www`, which renders
 * nothing but stops them being linked.
 */
const INLINE = /[\\`*_[\]<>~&$]/g;

export function mdText(s: string): string {
  return s
    .replace(/[\r\n\t\v\f]+/g, ' ')
    .replace(INLINE, (c) => `\\${c}`)
    .replace(/@/g, '@\u200b')
    .replace(/:\/\//g, ':\u200b//')
    .replace(/\b(www)\./gi, '$1\u200b.');
}
