/**
 * The YAML parser's reasons for a syntax error, said from our catalogue (load/yaml-reasons.ts):
 * each kind of mistake a planner makes gets its own reason in both languages, at the library's
 * line and column, and no reason quotes what the file holds.
 */
import { describe, expect, it } from 'vitest';
import { parseYamlExact } from '../src/load/yaml-source.js';
import { Locale } from '../src/model/locale.js';

const AZ = new Locale('az');
const EN = new Locale('en');

/** A broken plan fragment, the key of the reason it must get, and where (line:column). */
const CASES: [text: string, reason: string, at: string][] = [
  ['name: x\nyears: { from: 2020, to: 2030\nstandards: 1\n', 'flow_unclosed', '3:1'],
  ['{ name: x\n', 'flow_unclosed', '2:1'],
  ['a:\n    b: 1\n  c: 2\n', 'indent', '3:1'],
  ['name: "DOST SECRET\n', 'quote_unclosed', '2:1'],
  ['centers:\n  - id: a\n    SECRET\n', 'key_without_value', '3:5'],
  ['a: "x"# SECRET\n', 'comment_space', '1:7'],
  ['serves: [AZ-GA,,AZ-BA]\n', 'stray_comma', '1:16'],
  ['a: 1\n]\n', 'unexpected', '2:1'],
  ['a: @SECRET\n', 'scalar_start', '1:4'],
  ['a: "\\qSECRET"\n', 'escape', '1:5'],
  ['a SECRET\nc: 1\n', 'multiline_key', '1:1'],
  ['a: b: SECRET\n', 'block_key', '1:4'],
  ['a: { x: 1 y: 2 }\n', 'block_in_flow', '1:9'],
  ['a: &x &y 1\n', 'anchor', '1:7'],
  ['a: !!str !!int 1\n', 'tag', '1:10'],
];

describe('a YAML syntax error is said from our catalogue, in the run’s language', () => {
  for (const [text, reason, at] of CASES)
    it(`${reason}: ${JSON.stringify(text)}`, () => {
      const [d] = parseYamlExact(text, 'p.yaml').diagnostics;
      expect(d?.code).toBe('yaml-syntax');
      expect(`${d!.line}:${d!.column}`).toBe(at);
      expect(d!.said).toEqual({ key: 'yaml.syntax', params: { reason: { key: `yaml.reason.${reason}` } } });
      const az = AZ.say(d!.said!);
      expect(az).toMatch(/^YAML sintaksisi: /);
      expect(az).toBe(`YAML sintaksisi: ${AZ.t(`yaml.reason.${reason}` as 'yaml.reason.other')}`);
      // Nothing of the file: neither the word planted in it nor the character that broke it.
      expect(az).not.toMatch(/SECRET|DOST/);
      expect(EN.say(d!.said!)).not.toMatch(/SECRET|DOST/);
      expect(d!.message).not.toMatch(/SECRET|DOST/);
    });

  it('keeps the English message as it was (the library’s reason without what it quotes)', () => {
    const [d] = parseYamlExact('name: x\nyears: { from: 2020, to: 2030\nstandards: 1\n', 'p.yaml').diagnostics;
    expect(d!.message).toBe('YAML syntax: Flow map in block collection must be sufficiently indented and end with a }');
  });

  it('refuses an alias bomb in Azerbaijani, with the limit', () => {
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n`;
    const [d] = parseYamlExact(bomb, 'p.yaml').diagnostics;
    expect(d?.code).toBe('yaml-alias');
    expect(AZ.say(d!.said!)).toMatch(/^qəbul edilmədi: istinadlar 100 dəfədən çox açılır/);
  });
});
