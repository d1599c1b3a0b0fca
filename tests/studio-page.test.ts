/**
 * The studio page as built (dist/web/, `npm run build`): what the server's Content Security Policy
 * and the no-network rule need of it, checked on the files themselves. The browser test
 * (tests/studio-browser.test.ts) checks the page at work.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const WEB = join(ROOT, 'dist', 'web');
const read = (name: string) => readFileSync(join(WEB, name), 'utf8');

describe('the studio page as built', () => {
  const html = read('index.html');
  const js = read('app.js');
  const css = read('app.css');

  it('loads its one script and one style sheet from the server, nothing inline', () => {
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual(['<script src="/app.js" defer>']);
    expect(html).toMatch(/<script src="\/app\.js" defer><\/script>/);
    expect([...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0])).toEqual(['<link rel="stylesheet" href="/app.css">']);
    expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=|javascript:/i);
  });

  it('reaches no other host: no URL but the SVG namespace, in the page, the script or the style', () => {
    const urls = [html, js, css].flatMap((t) =>
      [...t.matchAll(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"'`)]*/gi)].map((m) => m[0]),
    );
    expect([...new Set(urls)]).toEqual(['http://www.w3.org/2000/svg']);
    expect(css).not.toMatch(/@import|url\(/);
  });

  it('puts no text into the page as HTML: no innerHTML, insertAdjacentHTML, document.write or eval', () => {
    expect(js).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\(/);
    // The only style it writes is through the CSSOM (allowed by the CSP), never a style attribute.
    expect(js).not.toMatch(/setAttribute\(\s*["']style["']/);
  });

  it('is one self-contained script: d3-geo bundled with its licence notice, nothing loaded at run time', () => {
    expect(js).not.toMatch(/\brequire\(|\bimport\(|^\s*import\s/m);
    expect(js.split('\n')[0]).toMatch(/d3-geo.*Mike Bostock, ISC/);
    expect(js.length).toBeLessThan(200_000);
  });
});
