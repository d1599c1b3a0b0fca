/**
 * #16 item 5 and #22: a scenario must not be silently wrong. `remove:` names base facilities to
 * drop; an id the base does not have (a typo, a facility renamed in the base since) removed
 * nothing and validated as "0 errors", so the scenario's figures still counted the facility the
 * planner meant to drop. A plan without `extends:` has no base to remove from.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES } from './helpers.js';

const DIR = mkdtempSync(join(tmpdir(), 'dostplan-remove-'));
copyFileSync(join(FIXTURES, 'valid', 'small.yaml'), join(DIR, 'small.yaml'));
const write = (name: string, text: string) => {
  writeFileSync(join(DIR, name), text);
  return join(DIR, name);
};

describe('remove: names facilities of the base plan', () => {
  it('an id the base does not have is an error at its place, with the likely id', () => {
    const p = write('typo.yaml', 'extends: small.yaml\nname: Without Tartar\nremove: [GYG, TRA]\n');
    const v = cli(['validate', p]);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain(
      "typo.yaml:3:15: error remove: the base plan has no facility with id 'TRA'. Did you mean 'TAR'? [unknown-facility]",
    );
    expect(v.stdout).toContain('1 error, 0 warnings');
    expect(cli(['coverage', p]).code).toBe(1);
  });

  it('a plan without extends: has no base to remove from', () => {
    const plain = cli(['validate', join(DIR, 'small.yaml')]);
    expect(plain.code).toBe(0);
    const p = write(
      'no-base.yaml',
      `${'name: x\n'}years: { from: 2024, to: 2025 }\nstandards: { center: { within_km: 30 } }\nremove: [GAN]\n`,
    );
    const v = cli(['validate', p]);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain(
      "no-base.yaml:4:10: error remove: 'GAN' cannot be removed: this plan has no base plan (extends:) [unknown-facility]",
    );
  });

  it('ids the base has are removed, and the scenario counts without them', () => {
    const p = write('ok.yaml', 'extends: small.yaml\nname: Without Tartar\nremove: [TAR]\n');
    expect(cli(['validate', p, '--strict']).code).toBe(0);
    const t = cli(['timeline', p, '--format', 'json']);
    const y2026 = JSON.parse(t.stdout).years.find((y: { year: number }) => y.year === 2026);
    expect(y2026.branches).toBe(1);
  });
});
