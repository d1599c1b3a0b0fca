/**
 * The plan schema's own rules (model/plan.ts: no control characters, one line, a waiver's reason)
 * are catalogue messages: validate says them in the run's language, English unchanged. Before, the
 * Azerbaijani run printed zod's English rule inside its Azerbaijani finding.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'dostplan-rules-'));
const waived = readFileSync(join(ROOT, 'tests/fixtures/valid/waived.yaml'), 'utf8');

function plan(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const controlName = plan('control.yaml', waived.replace(/^name: .*$/m, 'name: "DOST\\u0007 plan"'));
const emptyReason = plan('reason.yaml', waived.replace(/(outside-region: ).*$/m, "$1''"));

describe("the schema's rules in the run's language", () => {
  it('says a name with a control character must be one line, in English and in Azerbaijani', () => {
    const en = cli(['validate', controlName]);
    expect(en.code).toBe(1);
    expect(en.stdout).toMatch(
      /control\.yaml:3:7: error name: must be one line of text without control characters \(tabs, newlines, escape codes\) \[invalid\]/,
    );
    const az = cli(['validate', controlName, '--lang', 'az']);
    expect(az.code).toBe(1);
    expect(az.stdout).toContain(
      'control.yaml:3:7: xəta `name`: idarəedici simvolsuz (tabulyasiya, sətir keçidi, escape kodları) bir sətirlik mətn olmalıdır [invalid]',
    );
    expect(az.stdout).not.toContain('must be');
  });

  it('says a waiver without its reason must give one, in both languages', () => {
    const en = cli(['validate', emptyReason]);
    expect(en.code).toBe(1);
    expect(en.stdout).toContain('must give the reason (a few words a reviewer can check)');
    const az = cli(['validate', emptyReason, '--lang', 'az']);
    expect(az.stdout).toContain('səbəb yazılmalıdır (rəyçinin yoxlaya biləcəyi bir neçə söz)');
    expect(az.stdout).not.toContain('reviewer');
  });
});
