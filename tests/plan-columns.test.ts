import { describe, expect, it } from 'vitest';
import { parseYamlFast } from '../src/load/yaml-fast.js';
import { parseYamlExact } from '../src/load/yaml-source.js';

// A plan's positions count columns in characters, as every reader does (src/load/text-position.ts):
// after "𝑥𝑥 ə" (3 characters and a space, 5 UTF-16 units and a space) the date is at column 100, not
// 102 as the YAML libraries' UTF-16 offsets would say. Both YAML paths agree.
const plan = [
  'name: Test',
  'centers:',
  '  - { id: A, name: "𝑥𝑥 ə", region: AZ-BA, location: { lat: 40.4, lon: 49.8 }, status: open, opens: 20x9 }',
  '',
].join('\n');

describe('plan positions in characters', () => {
  it('the fast and the exact YAML path place a value after letters outside the BMP at the same column', () => {
    const expected = { file: 'p.yaml', line: 3, column: 100 };
    expect(Array.from(plan.split('\n')[2]!).indexOf('2') + 1).toBe(100);
    expect(parseYamlFast(plan, 'p.yaml')!.locate(['centers', 0, 'opens'])).toEqual(expected);
    expect(parseYamlExact(plan, 'p.yaml').locate(['centers', 0, 'opens'])).toEqual(expected);
  });
});
