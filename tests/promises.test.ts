/**
 * The README's promises, for every command: documented exit codes (0 ok, 1 plan errors, 2 usage or
 * I/O), no stack trace, byte-identical output for the same inputs, --out written atomically and
 * equal to stdout, an input never overwritten, a failed run leaving an existing --out untouched.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cli, FIXTURES } from './helpers.js';

const DIR = mkdtempSync(join(tmpdir(), 'dostplan-promises-'));
copyFileSync(join(FIXTURES, 'valid', 'small.yaml'), join(DIR, 'a.yaml'));
copyFileSync(join(FIXTURES, 'valid', 'small-changed.yaml'), join(DIR, 'b.yaml'));
copyFileSync(join(FIXTURES, 'invalid', '12-status-typo.yaml'), join(DIR, 'broken.yaml'));
afterAll(() => spawnSync('rm', ['-rf', DIR]));

const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n|node:internal|internal error/);
const run = (args: string[]) => {
  const r = cli(args, { cwd: DIR });
  noStack(r.stderr);
  return r;
};

/** Each command with arguments that succeed on the small plan; `plans` are the plan arguments. */
const COMMANDS: { name: string; args: string[]; out: boolean; plans: number }[] = [
  { name: 'validate', args: ['a.yaml'], out: false, plans: 1 },
  { name: 'coverage', args: ['a.yaml'], out: true, plans: 1 },
  { name: 'distances', args: ['a.yaml', '--worst', '3'], out: true, plans: 1 },
  { name: 'timeline', args: ['a.yaml'], out: true, plans: 1 },
  { name: 'report', args: ['a.yaml'], out: true, plans: 1 },
  { name: 'diff', args: ['a.yaml', 'b.yaml'], out: true, plans: 2 },
  { name: 'explore', args: ['a.yaml'], out: true, plans: 1 },
  { name: 'optimize', args: ['a.yaml', '--sites', '2'], out: true, plans: 1 },
  { name: 'schema', args: [], out: true, plans: 0 },
  { name: 'regions', args: [], out: false, plans: 0 },
];

describe.each(COMMANDS)('dostplan $name keeps the README promises', ({ name, args }) => {
  it('exit 0, and the same inputs give byte-identical output', () => {
    const first = run([name, ...args]);
    expect(first.code).toBe(0);
    expect(first.stdout.length).toBeGreaterThan(0);
    expect(run([name, ...args]).stdout).toBe(first.stdout);
  });

  it('exit 2 on an unknown flag', () => {
    const r = run([name, ...args, '--no-such-flag']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--no-such-flag'");
  });
});

describe.each(COMMANDS.filter((c) => c.plans > 0))('dostplan $name and its plan files', ({ name, args, plans }) => {
  it('exit 2 on a missing plan file, exit 1 on a plan with errors (reported at file:line:col)', () => {
    const missing = run([name, 'missing.yaml', ...(plans === 2 ? ['a.yaml'] : []), ...args.slice(plans)]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('missing.yaml: no such file');
    const broken = run([name, 'broken.yaml', ...(plans === 2 ? ['a.yaml'] : []), ...args.slice(plans)]);
    expect(broken.code).toBe(1);
    expect(broken.stdout + broken.stderr).toMatch(/broken\.yaml:\d+:\d+: error .*status must be one of/);
  });
});

describe.each(COMMANDS.filter((c) => c.out))('dostplan $name --out', ({ name, args }) => {
  it('--out writes exactly what stdout would get, atomically (no temp file left behind)', () => {
    // In the working directory: optimize's scenario names its base relative to the --out folder.
    const target = join(DIR, `${name}-result`);
    writeFileSync(target, 'old\n');
    const oldInode = statSync(target).ino;
    const r = run([name, ...args, '--out', target]);
    // Renamed into place, not rewritten in place: a reader never sees half a file.
    expect(statSync(target).ino).not.toBe(oldInode);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(target, 'utf8')).toBe(run([name, ...args]).stdout);
    expect(readdirSync(DIR).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe.each(COMMANDS.filter((c) => c.out && c.plans > 0))(
  'dostplan $name --out and its inputs',
  ({ name, args, plans }) => {
    it('--out naming an input is refused and the input is untouched', () => {
      const before = readFileSync(join(DIR, 'a.yaml'), 'utf8');
      const mtime = statSync(join(DIR, 'a.yaml')).mtimeMs;
      const r = run([name, ...args, '--out', 'a.yaml']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--out a.yaml is one of the inputs; refusing to overwrite it');
      expect(readFileSync(join(DIR, 'a.yaml'), 'utf8')).toBe(before);
      expect(statSync(join(DIR, 'a.yaml')).mtimeMs).toBe(mtime);
    });

    it('a run that fails leaves an existing --out file as it was', () => {
      const target = join(DIR, `${name}-previous.txt`);
      writeFileSync(target, 'the previous report\n');
      const r = run([name, 'broken.yaml', ...(plans === 2 ? ['a.yaml'] : []), ...args.slice(plans), '--out', target]);
      expect(r.code).toBe(1);
      expect(readFileSync(target, 'utf8')).toBe('the previous report\n');
    });
  },
);
