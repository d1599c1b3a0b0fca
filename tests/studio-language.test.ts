/**
 * The studio page per language as built (src/build/page-html.ts, web-bundle.ts): the Azerbaijani
 * index.html has every text of the English one in Azerbaijani, a text without a message stops the
 * build, and each script carries its own language's messages and none of the CLI's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageHtml, pageTexts } from '../src/build/page-html.js';
import { englishLeft } from './english-words.js';
import { ROOT } from './helpers.js';

const WEB = join(ROOT, 'dist', 'web');
const source = readFileSync(join(ROOT, 'src', 'web', 'index.html'), 'utf8');

describe('the studio page in Azerbaijani', () => {
  it('index.az.html: lang="az", the title, every label, button, legend and tooltip in Azerbaijani', () => {
    const az = pageHtml(source, 'az');
    expect(readFileSync(join(WEB, 'index.az.html'), 'utf8')).toBe(az);
    expect(az).toContain('<html lang="az">');
    expect(az).toContain('<title>dostplan studiyası</title>');
    expect(az).toContain('<label for="year">İl</label>');
    expect(az).toContain('title="Geri qaytar (Ctrl+Z)"');
    expect(az).toContain('placeholder="İİİİ-AA-GG (boş: fəaliyyətdə qalır)"');
    expect(az).toContain('<option value="branch">filial</option>');
    // The markup is the English page's: the same elements, ids and attributes in the same order.
    const shape = (html: string) => html.replace(/>[^<]*</g, '><').replace(/"[^"]*"/g, '""');
    expect(shape(az)).toBe(shape(source));
    const attrs = [...az.matchAll(/\b(?:title|aria-label|placeholder)="([^"]*)"/g)].map((m) => m[1]);
    expect(englishLeft([az, ...attrs].join('\n'))).toEqual([]);
  });

  it('English is the page as written, byte for byte', () => {
    expect(pageHtml(source, 'en')).toBe(source);
    expect(readFileSync(join(WEB, 'index.html'), 'utf8')).toBe(source);
  });

  it('a text of the page with no studio.html message stops the build, naming it', () => {
    expect(() => pageHtml('<p>Brand new label</p>', 'az')).toThrow(/"Brand new label" has no studio\.html\.\* message/);
    expect(() => pageHtml('<button title="Shiny">+</button>', 'az')).toThrow(/"Shiny"/);
    // Symbols alone are the same in every language.
    expect(pageHtml('<button>+</button><button>−</button>', 'az')).toBe('<button>+</button><button>−</button>');
  });

  it('each script carries its language’s messages only, and none of the CLI’s', () => {
    const en = readFileSync(join(WEB, 'app.js'), 'utf8');
    const az = readFileSync(join(WEB, 'app.az.js'), 'utf8');
    const { 'studio.status.undone': undoneAz } = pageTexts('az');
    const { 'studio.status.undone': undoneEn } = pageTexts('en');
    expect([en.includes(undoneEn!), en.includes(undoneAz!)]).toEqual([true, false]);
    expect([az.includes(undoneAz!), az.includes(undoneEn!)]).toEqual([true, false]);
    // A CLI message (optimize's method) is in neither: the page takes only the keys it says.
    for (const js of [en, az]) expect(js).not.toContain('subgradient');
    expect(Object.keys(pageTexts('az')).some((k) => k.startsWith('studio.html.'))).toBe(false);
    expect(Object.keys(pageTexts('az')).sort()).toEqual(Object.keys(pageTexts('en')).sort());
    // Small: the English script was 82 KB with the whole English catalogue in it (see the report).
    expect(en.length).toBeLessThan(75_000);
    expect(az.length).toBeLessThan(75_000);
  });
});
