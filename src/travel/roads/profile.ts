/**
 * A travel profile: which OSM ways are routable and how fast they are travelled. Two documented
 * defaults: driving (data/roads/car-profile.yaml) and walking (data/roads/walk-profile.yaml,
 * `mode: foot`); a user's small YAML file overrides any part of either (read by
 * load/roads/road-profile.ts).
 */
import { z } from 'zod';

const Kmh = z.number().positive().max(300);

export const Profile = z.strictObject({
  name: z.string().min(1),
  /** car: vehicle access tags, one-ways and maxspeed apply; foot: foot access tags, both ways, maxspeed ignored. */
  mode: z.enum(['car', 'foot']).default('car'),
  highways: z.record(z.string(), Kmh).describe('km/h per OSM highway class; classes not listed are not routable'),
  maxspeed_factor: z.number().positive().max(1.5),
  ferry_kmh: Kmh,
  access: z.strictObject({ speed_kmh: Kmh, max_km: z.number().positive().max(100) }),
  no_access: z.array(z.string()),
  min_component_km: z.number().min(0),
});
export type Profile = z.infer<typeof Profile>;

/** A user's override: every key optional, `highways` merged class by class. */
export const ProfileOverride = z.strictObject({
  ...Profile.partial().shape,
  access: Profile.shape.access.partial().optional(),
});
export type ProfileOverride = z.infer<typeof ProfileOverride>;

/** The default profile with a user's override (from the file `source`) applied. */
export function overrideProfile(base: Profile, o: ProfileOverride, source: string): Profile {
  return {
    ...base,
    ...o,
    highways: { ...base.highways, ...(o.highways ?? {}) },
    access: { ...base.access, ...(o.access ?? {}) },
    name: o.name ?? (Object.keys(o).length ? `${base.name} (with ${source})` : base.name),
  };
}

/** What a way contributes to the graph, or undefined when cars cannot use it. */
export interface WayCost {
  /** km/h along the way; ferries: NaN with `ferryMinutes` set. */
  kmh: number;
  /** Whole-way minutes for a ferry with a `duration` tag (spread over its segments by length). */
  ferryMinutes?: number;
  /** 1: only in the direction of the node list; -1: only against it; 0: both ways. */
  oneway: -1 | 0 | 1;
  /** May a place join the network on this way (not on motorways, not in the middle of a ferry)? */
  access: boolean;
  ferry: boolean;
  /** The way's maxspeed was outside MAXSPEED_KMH and was not used. */
  maxspeedIgnored?: boolean;
}

const BLOCKED = new Set(['no', 'private']);

/**
 * The maxspeed values a way's speed is taken from: posted limits worldwide run from walking pace
 * to 140 km/h. A value outside (99999999, 0.0001) is a typo: the way keeps its class speed and
 * the run says how many ways that was (graph meta `ignoredMaxspeed`).
 */
export const MAXSPEED_KMH = { min: 5, max: 150 } as const;

/** km/h from a maxspeed tag ("50", "50 km/h", "30 mph"); undefined for zones, "none", "signals". */
export function parseMaxspeed(v: string | undefined): number | undefined {
  if (!v) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(km\/h|kmh|kph|mph)?\s*$/i.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n > 0 ? (m[2]?.toLowerCase() === 'mph' ? n * 1.609344 : n) : undefined;
}

/** Minutes from an OSM duration tag: "90", "1:30", "01:30:00", "PT1H30M". */
export function parseDuration(v: string | undefined): number | undefined {
  if (!v) return undefined;
  const s = v.trim();
  let m = /^(\d+(?:\.\d+)?)$/.exec(s);
  if (m) return Number(m[1]);
  m = /^(\d+):([0-5]?\d)(?::([0-5]?\d))?$/.exec(s);
  if (m) return Number(m[1]) * 60 + Number(m[2]) + Number(m[3] ?? 0) / 60;
  m = /^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/i.exec(s);
  if (m && (m[1] || m[2] || m[3])) return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) + Number(m[3] ?? 0) / 60;
  return undefined;
}

/** Tags decide everything about a way; this is the only place that reads them. */
export function wayCost(tags: Readonly<Record<string, string>>, p: Profile): WayCost | undefined {
  if (p.mode === 'foot') return footCost(tags, p);
  if (BLOCKED.has(tags.access ?? '') || BLOCKED.has(tags.motor_vehicle ?? '') || BLOCKED.has(tags.motorcar ?? ''))
    return undefined;
  if (tags.route === 'ferry') {
    const minutes = parseDuration(tags.duration);
    return { kmh: p.ferry_kmh, ferryMinutes: minutes, oneway: onewayOf(tags, false), access: false, ferry: true };
  }
  const hw = tags.highway;
  if (!hw || tags.area === 'yes') return undefined;
  const classKmh = p.highways[hw];
  if (classKmh === undefined) return undefined;
  const max = parseMaxspeed(tags.maxspeed);
  const usable = max !== undefined && max >= MAXSPEED_KMH.min && max <= MAXSPEED_KMH.max;
  const kmh = usable ? max * p.maxspeed_factor : classKmh;
  const impliedOneway = hw === 'motorway' || tags.junction === 'roundabout' || tags.junction === 'circular';
  return {
    kmh,
    oneway: onewayOf(tags, impliedOneway),
    access: !p.no_access.includes(hw),
    ferry: false,
    ...(max !== undefined && !usable ? { maxspeedIgnored: true } : {}),
  };
}

const FOOT_ALLOWED = new Set(['yes', 'designated', 'permissive', 'official']);

/** A way for a walker: foot access tags decide, every way both ways unless oneway:foot says otherwise. */
function footCost(tags: Readonly<Record<string, string>>, p: Profile): WayCost | undefined {
  const foot = tags.foot ?? '';
  if (BLOCKED.has(foot) || (BLOCKED.has(tags.access ?? '') && !FOOT_ALLOWED.has(foot))) return undefined;
  const oneway = tags['oneway:foot'] === 'yes' ? 1 : tags['oneway:foot'] === '-1' ? -1 : 0;
  if (tags.route === 'ferry') {
    const minutes = parseDuration(tags.duration);
    return { kmh: p.ferry_kmh, ferryMinutes: minutes, oneway, access: false, ferry: true };
  }
  const hw = tags.highway;
  if (!hw || tags.area === 'yes') return undefined;
  const kmh = p.highways[hw];
  if (kmh === undefined) return undefined;
  return { kmh, oneway, access: !p.no_access.includes(hw), ferry: false };
}

function onewayOf(tags: Readonly<Record<string, string>>, implied: boolean): -1 | 0 | 1 {
  const o = tags.oneway;
  if (o === 'yes' || o === 'true' || o === '1') return 1;
  if (o === '-1' || o === 'reverse') return -1;
  if (o === 'no' || o === 'false' || o === '0') return 0;
  return implied ? 1 : 0;
}
