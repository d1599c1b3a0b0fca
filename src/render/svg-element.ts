/**
 * One SVG (or HTML) element as text: attributes from an object, numbers to 0.1 px (finer is
 * invisible and only makes files larger and diffs noisier), values escaped. Undefined and false
 * attributes are left out.
 */
export type Attrs = Record<string, string | number | boolean | undefined>;

export const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const num = (v: number) => String(Math.round(v * 10) / 10);

export function el(tag: string, attrs: Attrs, inner?: string): string {
  let a = '';
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    a += ` ${k}="${typeof v === 'number' ? num(v) : v === true ? k : esc(v)}"`;
  }
  return inner === undefined ? `<${tag}${a}/>` : `<${tag}${a}>${inner}</${tag}>`;
}

/** A `<title>` tooltip. */
export const tip = (text: string) => `<title>${esc(text)}</title>`;

/**
 * How a standalone SVG's figures were made, as `<metadata>` (kept by editors and slides, shown by
 * none): one line each, escaped.
 */
export const svgMetadata = (lines: readonly string[]) =>
  lines.length ? `<metadata>${lines.map(esc).join('\n')}</metadata>` : '';

/** An opening tag only (the caller closes it). */
export const openTag = (tag: string, attrs: Attrs) => el(tag, attrs).replace(/\/>$/, '>');
