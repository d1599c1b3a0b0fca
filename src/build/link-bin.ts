/**
 * `npm install` step (the prepare script, after the build): links node_modules/.bin/dostplan to
 * this checkout's bin/dostplan.cjs. npm links the bins of dependencies only, not the project's own,
 * so without this `npx dostplan` in a fresh clone finds no local command, installs a second copy of
 * the project into npx's cache, builds it again (12–15 s the first time) and runs that copy — not
 * the checkout, so edits to src/ are not what runs. With the link it starts at once, on the checkout.
 *
 * Only in a checkout whose node_modules/.bin exists (never when dostplan is installed as someone's
 * dependency); a file there that is not a link is the user's and is left alone.
 */
import { lstatSync, mkdirSync, symlinkSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN_DIR = join(ROOT, 'node_modules', '.bin');
const LINK = join(BIN_DIR, 'dostplan');

function kindOf(path: string): 'none' | 'link' | 'other' {
  try {
    return lstatSync(path).isSymbolicLink() ? 'link' : 'other';
  } catch {
    return 'none';
  }
}

function linkBin(): void {
  if (kindOf(join(ROOT, 'node_modules')) === 'none') return; // not a development checkout
  mkdirSync(BIN_DIR, { recursive: true });
  const existing = kindOf(LINK);
  if (existing === 'other') return;
  if (existing === 'link') unlinkSync(LINK);
  symlinkSync(join('..', '..', 'bin', 'dostplan.cjs'), LINK);
}

try {
  linkBin();
} catch (e) {
  // A file system without links (some Windows set-ups): npx then falls back to its own copy.
  process.stderr.write(`dostplan: note: could not link node_modules/.bin/dostplan (${(e as Error).message})\n`);
}
