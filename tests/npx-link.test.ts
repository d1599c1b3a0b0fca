import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers.js';

// The README's first command is `npm install && npx dostplan coverage`. npm links the bins of
// dependencies only; without the link made at install (src/build/link-bin.ts) npx installed and
// built a second copy of the project (12–15 s) and ran it instead of the checkout (issue 22 item 8).
describe('npx dostplan in the checkout', () => {
  it('node_modules/.bin/dostplan is a link to this checkout’s bin', () => {
    expect(realpathSync(join(ROOT, 'node_modules', '.bin', 'dostplan'))).toBe(realpathSync(BIN));
  });

  it('npm install leaves the lock as committed: it names the same bin as package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
    expect(lock.packages[''].bin).toEqual(pkg.bin);
    expect(lock.packages[''].version).toBe(pkg.version);
    expect(lock.packages[''].dependencies).toEqual(pkg.dependencies);
    expect(lock.packages[''].devDependencies).toEqual(pkg.devDependencies);
  });

  // Offline and without the update check: npx must not wait on the registry (a CI run under load
  // timed out at 60 s once), and the answer cannot depend on the network.
  it('runs the checkout with nothing to install (npx --no-install)', { timeout: 180_000 }, () => {
    const env = { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false' };
    const r = spawnSync('npx', ['--no-install', 'dostplan', '--version'], { cwd: ROOT, encoding: 'utf8', env });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  // npm 11's npx resolves `dostplan` in a project of that name to the project itself (file:.) and
  // runs its prepare script with npm_command=exec, even with the link in place: the README's first
  // command rebuilt everything (1 min 40 s under load in a fresh clone, auditor). Under exec the
  // build already there is used; `npm install`/`npm ci` still build.
  it('the first npx dostplan (fresh npx cache) does not rebuild the checkout', { timeout: 180_000 }, () => {
    const bundle = join(ROOT, 'dist', 'cli', 'bundle.cjs');
    const before = statSync(bundle).mtimeMs;
    const cache = mkdtempSync(join(tmpdir(), 'dostplan-npx-cache-'));
    try {
      const env = {
        ...process.env,
        npm_config_cache: cache,
        npm_config_offline: 'true',
        npm_config_update_notifier: 'false',
      };
      const r = spawnSync('npx', ['dostplan', '--version'], { cwd: ROOT, encoding: 'utf8', env });
      expect(r.status).toBe(0);
      expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
      expect(statSync(bundle).mtimeMs).toBe(before);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
