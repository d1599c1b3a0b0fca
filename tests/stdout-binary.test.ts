/**
 * #29 item 12: results on stdout are written like --out — a full disk is exit 2 with a message, a
 * reader that stops early is quiet. Binary results (a workbook, a GeoTIFF) took another path to
 * stdout: on a full disk they exited 1 with a stack trace that dumped the bundle's source.
 */
import { openSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers.js';

const binary: [string, string[]][] = [
  ['coverage --format xlsx', ['coverage', '--format', 'xlsx']],
  ['timeline --format xlsx', ['timeline', '--format', 'xlsx']],
  ['surface --format tif', ['surface', '--format', 'tif', '--cell-km', '10']],
];

describe('binary results on stdout', () => {
  for (const [what, args] of binary) {
    it(`${what} on a full disk: exit 2 and one line, no stack`, () => {
      const r = spawnSync(process.execPath, [BIN, ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'],
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(
        'dostplan: cannot write the result to standard output: ENOSPC (the disk is full; the output is incomplete)\n',
      );
    });
    it(`${what} into a reader that stops early: quiet`, () => {
      const head = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${args.join(' ')} | head -c 2`], {
        cwd: ROOT,
        encoding: 'latin1',
      });
      expect(head.stdout).toBe(args.includes('tif') ? 'II' : 'PK');
      expect(head.stderr).toBe('');
    });
  }
});
