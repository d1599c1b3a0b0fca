/**
 * The server's API as the page uses it (docs/serve.md; /work/SERVE-API.md is the contract). The
 * token travels in the HttpOnly cookie the token URL set, so requests are plain same-origin fetches.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

export interface UnitProps {
  id: string;
  name: string;
  name_az?: string;
  economic_region: string;
  population: number;
}

export interface MapData extends FeatureCollection<Polygon | MultiPolygon, UnitProps> {
  neighbours?: Feature<Polygon | MultiPolygon, { name: string }>[];
  caspian?: Feature<Polygon | MultiPolygon | Point, { name: string }> | null;
  /** A settlement's Azerbaijani name by its GeoNames name, where they differ (data's settlements_az). */
  settlements_az?: Record<string, string>;
}

export interface Facility {
  id: string;
  name: string;
  /** The Azerbaijani name (the plan's `name_az`): sent when the run's language is az. */
  name_az?: string;
  kind: string;
  status: string;
  lat: number;
  lon: number;
  opens: string | number;
  closes: string | number | null;
  region: string;
  parent: string | null;
}

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}

export interface State {
  revision: number;
  plan: { path: string; name: string; name_az?: string; years: number[]; facilities: Facility[] };
  diagnostics: Diagnostic[];
  stale: boolean;
  canUndo: boolean;
  canRedo: boolean;
  edits: number;
}

export interface Summary {
  year: number;
  national: { covered_pct: number; population: number; mean_travel_min: number | null; mean_km: number };
  regions: { id: string; name: string; name_az?: string; covered_pct: number; population: number }[];
  units: { id: string; covered_pct: number | null; mean_km: number | null; nearest_facility: string | null }[];
  targets: { name: string; name_az?: string; target: number | string; value: number | string; met: boolean }[];
  capacity: { facility: string; utilization: number | null }[] | null;
}

/** The figures of one group in `dostplan distances --format json` (the layer of any kind). */
export interface Trips {
  population: number;
  unserved: number;
  mean_km: number | null;
  mean_min: number | null;
}

/** What the page reads of /api/distances?by=region (= `dostplan distances --by region --format json`). */
export interface Distances {
  year: number;
  groups: { id: string; name: string; any: Trips }[];
}

export interface Candidate {
  /** The optimizer's name for the site (its nearest settlement), when the server gives one. */
  name?: string;
  /** The names in Azerbaijani, sent when the run's language is az. */
  name_az?: string;
  region_az?: string;
  lat: number;
  lon: number;
  region: string;
  gain_people: number;
}

/** `dostplan optimize --model mclp` over the edited plan: the sites, coverage before and after, how good. */
export interface Suggestion {
  candidates: Candidate[];
  before?: number;
  after?: number;
  quality?: string;
  quality_az?: string;
}

export type Edit =
  | { op: 'add'; kind: string; name: string; lat: number; lon: number; opens: string }
  | { op: 'move'; id: string; lat: number; lon: number }
  | { op: 'dates'; id: string; opens?: string; closes?: string | null }
  | { op: 'close'; id: string; date: string }
  | { op: 'remove'; id: string };

/** An answer of the server that is not 2xx, with its message for the status line. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function answer<T>(res: Response): Promise<T> {
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) return body as T;
  const err = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  throw new ApiError(
    res.status,
    typeof err?.code === 'string' ? err.code : String(res.status),
    typeof err?.message === 'string' ? err.message : `the server answered ${res.status} ${res.statusText}`,
  );
}

export const getJson = async <T>(path: string): Promise<T> =>
  answer<T>(await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } }));

export const postJson = async <T>(path: string, body: unknown): Promise<T> =>
  answer<T>(
    await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    }),
  );

export const api = {
  map: () => getJson<MapData>('/api/map'),
  state: () => getJson<State>('/api/state'),
  summary: (year: number) => getJson<Summary>(`/api/summary?year=${encodeURIComponent(year)}`),
  distances: (year: number) => getJson<Distances>(`/api/distances?year=${encodeURIComponent(year)}&by=region`),
  edit: (e: Edit) => postJson<State>('/api/edit', e),
  undo: () => postJson<State>('/api/undo', {}),
  redo: () => postJson<State>('/api/redo', {}),
  suggest: (k: number, year: number, kind: string) => postJson<Suggestion>('/api/suggest', { k, year, kind }),
  save: (mode: 'scenario' | 'plan') => postJson<{ path: string; findings: unknown[] }>('/api/save', { mode }),
};
