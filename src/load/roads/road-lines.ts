/**
 * Road lines from a GIS layer (an ESRI Shapefile, a GeoPackage) into the graph builder, tagged
 * like OSM ways: the class from `highway`, else Geofabrik's `fclass`, else the field named by
 * --roads-class-field; `oneway` (yes/-1, or Geofabrik's F/T/B) and `maxspeed` (0 or blank:
 * unknown) where the table has them. Line ends meet where their coordinates agree to 1e-7°, the
 * graph's own precision, since a GIS layer has no node ids.
 */
import { InputError } from '../../errors.js';
import { type Said, said } from '../../model/said.js';
import type { OsmSink } from '../../travel/roads/graph.js';

/** A field or layer name from the file, shown to help choose: a broken header must not reach the terminal raw. */
export const shownName = (name: string): string => name.replace(/[^\x20-\x7e]/g, '?').slice(0, 80);

/** Feeds line features to a sink, giving the same coordinates the same node. */
export class RoadLines {
  private readonly ids = new Map<string, number>();

  constructor(
    private readonly sink: OsmSink,
    private readonly file: string,
  ) {}

  /**
   * One feature: its lines as flat [lon, lat, …] arrays and its row's attributes; `feature`
   * names it in a message ("shape 12", "layer 'roads', feature 12").
   */
  add(lines: Float64Array[], attrs: Record<string, string>, classField: string, feature: Said): void {
    const tags = roadTags(attrs, classField);
    if (!tags) return;
    const backward = tags.oneway === '-1';
    const wayTags = backward ? { ...tags, oneway: 'yes' } : tags;
    for (const line of lines) {
      const refs: number[] = [];
      for (let k = 0; k < line.length; k += 2) refs.push(this.node(line[k]!, line[k + 1]!, feature));
      if (backward) refs.reverse();
      this.sink.way(refs, wayTags);
    }
  }

  private node(lon: number, lat: number, feature: Said): number {
    // NaN and ±Infinity fail these tests too.
    if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180))
      throw new InputError(this.file, said('read.roads.bad_point', { feature }), 1);
    const key = `${Math.round(lon * 1e7)},${Math.round(lat * 1e7)}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      this.ids.set(key, (id = this.ids.size + 1));
      this.sink.node(id, lat, lon);
    }
    return id;
  }
}

/** OSM-style tags from a row: highway (from the class field), oneway, maxspeed; undefined: no class. */
export function roadTags(attrs: Record<string, string>, classField: string): Record<string, string> | undefined {
  let cls = attrs[classField]?.trim().toLowerCase() ?? '';
  if (cls === '' || cls === 'unknown') return undefined;
  cls = cls.replace(/^track_grade\d$/, 'track');
  const tags: Record<string, string> = { highway: cls };
  const oneway = attrs.oneway?.trim();
  if (oneway) {
    const o = oneway.toUpperCase();
    // Geofabrik: F = with the digitised direction, T = against it, B = both ways.
    tags.oneway = o === 'F' || o === 'YES' || o === '1' || o === 'TRUE' ? 'yes' : o === 'T' || o === '-1' ? '-1' : 'no';
  }
  const maxspeed = attrs.maxspeed?.trim();
  if (maxspeed && maxspeed !== '0') tags.maxspeed = maxspeed;
  return tags;
}

/**
 * The field holding the road class: --roads-class-field, else highway, else fclass (any case).
 * `table` names where the fields are ("the .dbf", "layer 'roads'").
 */
export function pickClassField(fields: string[], file: string, wanted: string | undefined, table: Said): string {
  const list = fields.map(shownName).join(', ');
  const byLower = new Map(fields.map((f) => [f.toLowerCase(), f]));
  if (wanted !== undefined) {
    const f = byLower.get(wanted.toLowerCase());
    if (!f) throw new InputError(file, said('read.roads.no_field', { wanted, table, list }), 1);
    return f;
  }
  const f = byLower.get('highway') ?? byLower.get('fclass');
  if (!f) throw new InputError(file, said('read.roads.no_class_field', { table, list }), 1);
  return f;
}
