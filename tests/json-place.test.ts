import { describe, expect, it } from 'vitest';
import { jsonOffset, jsonPlace } from '../src/load/json-text.js';
import { positionAt } from '../src/load/text-position.js';

// A value of a parsed JSON file placed at file:line:column (src/load/json-text.ts): the readers of
// GeoJSON population, candidate sites and facility lists point at the value they refuse.

describe('jsonPlace: the line and character column of a value on a path', () => {
  const text = [
    '{"type": "FeatureCollection",',
    ' "features": [',
    '  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [49.8, 40.4]},',
    '   "properties": {"name": "Ağdam 𝑥", "population": 100}},',
    '  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [49.9, 95]},',
    '   "properties": {"n\\u0061me": "Şəki", "population": "7"}}',
    ' ]}',
  ].join('\n');

  it('finds a property, a coordinate and a feature', () => {
    expect(jsonPlace(text, 'f.geojson', ['features', 0, 'properties', 'population'])).toBe('f.geojson:4:52');
    expect(jsonPlace(text, 'f.geojson', ['features', 1, 'geometry', 'coordinates', 1])).toBe('f.geojson:5:75');
    expect(jsonPlace(text, 'f.geojson', ['features', 1])).toBe('f.geojson:5:3');
    expect(jsonPlace(text, 'f.geojson', ['features', 1, 'properties', 'population'])).toBe('f.geojson:6:54');
  });

  it('reads escaped member names as JSON.parse does', () => {
    expect(jsonPlace(text, 'f.geojson', ['features', 1, 'properties', 'name'])).toBe('f.geojson:6:32');
  });

  it('places a value the path does not reach at the deepest value that exists', () => {
    expect(jsonPlace(text, 'f.geojson', ['features', 0, 'properties', 'region'])).toBe('f.geojson:4:18');
    expect(jsonPlace(text, 'f.geojson', ['features', 7, 'properties'])).toBe('f.geojson:2:14');
    expect(jsonPlace(text, 'f.geojson', ['nothing'])).toBe('f.geojson:1:1');
  });

  it('takes the last of duplicate members, as JSON.parse keeps it, at every level', () => {
    const dup = '{"a": {"b": 1}, "a": {"c": 2, "b": 3}, "x": [0, {"a": {"b": 4}}]}';
    expect(JSON.parse(dup).a.b).toBe(3);
    expect(jsonOffset(dup, ['a', 'b'])).toBe(dup.indexOf('3'));
    // The later "a" has no "b" of its own here: the place is that "a", not the earlier one's "b".
    const gone = '{"a": {"b": 1}, "a": {"c": 2}}';
    expect(jsonOffset(gone, ['a', 'b'])).toBe(gone.lastIndexOf('{'));
  });

  it('keeps only the path: a deep or long file costs no memory beyond it', () => {
    const deep = `{"features": [${'['.repeat(100_000)}${']'.repeat(100_000)}, {"p": 1}]}`;
    expect(jsonOffset(deep, ['features', 1, 'p'])).toBe(deep.indexOf('1}'));
    const long = `{"features": [${Array.from({ length: 200_000 }, (_, i) => `{"p": ${i}}`).join(',')}]}`;
    expect(jsonOffset(long, ['features', 199_999, 'p'])).toBe(long.indexOf('199999'));
  });
});

describe('positionAt: lines end at LF, CRLF or CR; columns count characters', () => {
  it('counts a letter outside the BMP as one column, and a BOM as none', () => {
    const s = '\ufeffab\r\n𝑥ə\rz\ny';
    expect(positionAt(s, s.indexOf('a'))).toEqual({ line: 1, column: 1 });
    expect(positionAt(s, s.indexOf('ə'))).toEqual({ line: 2, column: 2 });
    expect(positionAt(s, s.indexOf('z'))).toEqual({ line: 3, column: 1 });
    expect(positionAt(s, s.indexOf('y'))).toEqual({ line: 4, column: 1 });
  });
});
