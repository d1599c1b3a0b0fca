/**
 * Building the page's DOM. Text goes in through textContent only (ids and names come from plan
 * files: never parsed as HTML), attributes through setAttribute, never `style` (the server's
 * Content Security Policy forbids inline style attributes; classes and element.style are used).
 */
const SVG_NS = 'http://www.w3.org/2000/svg';

type Attrs = Record<string, string | number | boolean | undefined>;
type Child = Node | string | null | undefined | false;

function setAttrs(node: Element, attrs: Attrs): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'style') throw new Error('inline style attributes break the page’s CSP: use a class');
    node.setAttribute(k, v === true ? '' : String(v));
  }
}

function append(node: Node, children: Child[]): void {
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.appendChild(text(c));
}

const text = (c: Node | string): Node => (typeof c === 'string' ? document.createTextNode(c) : c);

/** An HTML element: `h('button', { class: 'x', type: 'button' }, 'Undo')`. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

/** An SVG element. */
export function s<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

/** Replaces an element's children. */
export function fill(node: Element, ...children: Child[]): void {
  node.replaceChildren();
  append(node, children);
}

export function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page has no #${id}`);
  return node as T;
}
