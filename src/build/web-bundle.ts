/**
 * `npm run build` step: the studio page of `dostplan serve` → dist/web/ (app.js, app.css,
 * index.html), which the server sends as they are. src/web/ is browser code with its own
 * tsconfig (DOM, no Node); the build type-checks it before this step runs.
 *
 * esbuild bundles src/web/main.ts with d3-geo and the shared palette into one script, so the page
 * loads nothing from a CDN and works offline; the CSS is copied, the HTML written per language
 * (page-html.ts). One classic script,
 * no inline code: the server's Content Security Policy allows scripts and styles from itself only.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { LANGUAGES } from '../model/language.js';
import { pageHtml, pageTexts } from './page-html.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SRC = join(ROOT, 'src', 'web');
const OUT = join(ROOT, 'dist', 'web');

mkdirSync(OUT, { recursive: true });
const html = readFileSync(join(SRC, 'index.html'), 'utf8');
for (const lang of LANGUAGES) {
  // One page per language: index.html / app.js in English (as they always were), index.az.html /
  // app.az.js in Azerbaijani; the server sends the run's language under the same URLs.
  const suffix = lang === 'en' ? '' : `.${lang}`;
  await build({
    entryPoints: [join(SRC, 'main.ts')],
    outfile: join(OUT, `app${suffix}.js`),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2021',
    tsconfig: join(SRC, 'tsconfig.json'),
    minify: true,
    // Azerbaijani letters as they are (the server sends the script as UTF-8), not as \u escapes.
    charset: 'utf8',
    legalComments: 'eof',
    // The page's language and its messages, nothing else of the catalogue (src/web/words.ts).
    define: { STUDIO_LANG: JSON.stringify(lang), STUDIO_TEXTS: JSON.stringify(pageTexts(lang)) },
    // The ISC licence of the bundled d3 packages asks for their notice in every copy.
    banner: {
      js: '/* dostplan studio (MIT). Bundles d3-geo and d3-array: Copyright 2010-2026 Mike Bostock, ISC licence (node_modules/d3-geo/LICENSE). */',
    },
    logLevel: 'warning',
  });
  writeFileSync(join(OUT, `index${suffix}.html`), pageHtml(html, lang));
}
copyFileSync(join(SRC, 'app.css'), join(OUT, 'app.css'));
