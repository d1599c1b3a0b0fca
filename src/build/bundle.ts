/**
 * `npm run build` step after tsc: dist/cli/main.js and everything it imports → dist/cli/bundle.cjs,
 * then V8's code cache for it → dist/cli/bundle.cache (see src/cli/launch.cts for why).
 *
 * esbuild, because it bundles ES modules into one CommonJS file in well under a second and keeps
 * dynamic imports of bundled modules lazy (a command's modules are only evaluated when it runs).
 * Packages that locate files next to their own code (WebAssembly, workers) or are only needed for
 * rare inputs stay outside and are require()d from node_modules at run time.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { BUNDLE, CODE_CACHE, loadBundle } from '../cli/launch.cjs';

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..');

const EXTERNAL = [
  'ink', // ES module with top-level await: explore runs from the ES modules (launch.cts)
  'react',
  'highs', // WebAssembly next to the package
  'sql.js', // WebAssembly next to the package
  'geotiff', // decoders and workers loaded from its own folder
  'proj4',
  'h3-js',
  'yaml', // the exact YAML path, loaded only for tabs, aliases and syntax errors
  'write-excel-file', // --format xlsx only
];

/** Commands run once before the cache is written, so the functions they use are in it compiled. */
const WARM_UPS = [
  ['coverage'],
  ['validate'],
  ['distances'],
  ['timeline'],
  ['regions'],
  ['coverage', '--format', 'json'],
];

/**
 * commander require()s node:child_process when it loads, for executable subcommands (dostplan has
 * none); loading it and the net and stream modules behind it cost every start 5–10 ms. Within
 * commander it becomes a stand-in that loads the real module on first use.
 */
const lazyChildProcess: Plugin = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'child_process', namespace: 'lazy' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

async function bundle(): Promise<void> {
  await build({
    entryPoints: [join(DIST, 'cli', 'main.js')],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: EXTERNAL,
    plugins: [lazyChildProcess],
    // The bundle sits in dist/cli/ like main.js, so paths found from import.meta.url stay right.
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
    // A third less to read and hash at every start (names are kept; for readable stack traces run
    // with DOSTPLAN_NO_BUNDLE=1 DOSTPLAN_DEBUG=1).
    minifyWhitespace: true,
    minifySyntax: true,
  });
  rmSync(CODE_CACHE, { force: true });
  // A separate process: the cache must come from the bundle alone, with nothing printed.
  const warm = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--code-cache'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (warm.status !== 0) throw new Error(`the bundle failed its warm-up run (exit ${warm.status})`);
}

async function codeCache(): Promise<void> {
  const bundled = loadBundle();
  if (!bundled) throw new Error(`${BUNDLE} is missing`);
  for (const args of WARM_UPS) {
    const code = await bundled.main([process.execPath, 'dostplan', ...args]);
    if (code !== 0) throw new Error(`dostplan ${args.join(' ')} exited ${code} during the warm-up`);
  }
  writeFileSync(CODE_CACHE, bundled.script.createCachedData());
}

await (process.argv[2] === '--code-cache' ? codeCache() : bundle());
