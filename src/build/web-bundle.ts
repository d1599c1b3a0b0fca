/**
 * `npm run build` step: the studio page of `dostplan serve` → dist/web/ (app.js, app.css,
 * index.html), which the server sends as they are. src/web/ is browser code with its own
 * tsconfig (DOM, no Node); the build type-checks it before this step runs.
 *
 * esbuild bundles src/web/main.ts with d3-geo and the shared palette into one script, so the page
 * loads nothing from a CDN and works offline; the CSS and HTML are copied. One classic script,
 * no inline code: the server's Content Security Policy allows scripts and styles from itself only.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SRC = join(ROOT, 'src', 'web');
const OUT = join(ROOT, 'dist', 'web');

mkdirSync(OUT, { recursive: true });
await build({
  entryPoints: [join(SRC, 'main.ts')],
  outfile: join(OUT, 'app.js'),
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2021',
  tsconfig: join(SRC, 'tsconfig.json'),
  minify: true,
  legalComments: 'eof',
  // The ISC licence of the bundled d3 packages asks for their notice in every copy.
  banner: {
    js: '/* dostplan studio (MIT). Bundles d3-geo and d3-array: Copyright 2010-2026 Mike Bostock, ISC licence (node_modules/d3-geo/LICENSE). */',
  },
  logLevel: 'warning',
});
for (const file of ['app.css', 'index.html']) copyFileSync(join(SRC, file), join(OUT, file));
