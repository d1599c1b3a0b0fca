import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { geodesicKm } from '../src/geo/geodesic.js';
import { readGraphCache, writeGraphCache } from '../src/load/roads/cache.js';
import { buildGraph, loadRoadModel } from '../src/load/roads/road-network.js';
import { loadProfile } from '../src/load/roads/road-profile.js';
import { NodeCosts } from '../src/travel/roads/engine.js';
import { GraphBuilder, GRAPH_ARRAYS } from '../src/travel/roads/graph.js';
import { said } from '../src/model/said.js';
import { parseDuration, parseMaxspeed, wayCost } from '../src/travel/roads/profile.js';
import { RoadModel } from '../src/travel/roads/road-model.js';
import { FIXTURES } from './helpers.js';
import { RunContext } from '../src/run/run-context.js';

const run = new RunContext();

const DIR = join(FIXTURES, 'roads');
const PROFILE = join(DIR, 'test-profile.yaml');
const town = async (file = 'town.osm') =>
  (await loadRoadModel(run, join(DIR, file), { profileFile: PROFILE, noCache: true })).model;
const at = (lat: number, lon: number) => ({ lat, lon, side: 0 });

// The test town (tests/fixtures/roads/town.osm), worked by hand. Test profile: primary 60 km/h,
// residential 30, unclassified 15 (the north connector's maxspeed=30 overrides it), ferry by its
// duration tag (20 min), off-road 6 km/h up to 2 km.
const LAT = geodesicKm(at(40, 47), at(40.01, 47)); // 0.01° of latitude = 1.11195 km
const EW = geodesicKm(at(40.03, 47), at(40.03, 47.01)); // north connector, 0.01° of longitude at 40.03°N ≈ 0.8515 km
const F1 = at(40.0, 47.0); // center at the south end of Main street (node 1)
const F2 = at(40.03, 47.01); // opens mid-plan at the north end of the one-way street (node 12)
const P_ONEWAY = at(40.005, 47.01); // on the one-way street, which runs north only
const P_ISLAND = at(40.07, 47.0); // island village, beyond the ferry
const P_FAR = at(40.0, 47.05); // 3.4 km east of any road: beyond the 2 km limit
const P_ISLET = at(40.1005, 47.1001); // beside the islet track, a dropped island
const P_FIELD = at(40.015, 46.99); // 0.85 km west of Main street, off-road

// Read once, before the tests are collected: the describe block below works on it as it is built.
const townModel = await town();

describe('road model on the test town', () => {
  const model = townModel;
  const points = [P_ONEWAY, P_ISLAND, P_FAR, P_ISLET, P_FIELD];

  it('states the network, its length and the profile', () => {
    // Main street 3 × 1.112 + one-way 3.336 + island road 1.112 + connectors 0.852 + 0.852 (ferry and islet excluded).
    const km = 7 * LAT + EW + geodesicKm(at(40, 47), at(40, 47.01));
    expect(model.graph.meta.roadKm).toBeCloseTo(km, 3);
    expect(model.info.description).toMatch(/^road network: .*town\.osm, 9 km of roads, test car profile/);
    expect(model.info.roads).toEqual({ file: expect.stringContaining('town.osm'), road_km: 9, profile: 'test car' });
    expect(model.info.notes?.[0]).toMatch(/^1 road island \(0\.1 km\) .* dropped; largest: 40\.1000,47\.1000/);
  });

  const costs = model.nearestCosts(points);
  costs.open('center', [{ id: 0, place: F1 }]);
  const before = { min: [...costs.minutes('center')], km: [...costs.km('center')] };

  it('a point on a one-way street goes round the block', () => {
    // North 0.025° on the one-way at 30 km/h, west on the connector at its maxspeed 30, south 0.03° on Main at 60.
    const minutes = ((2.5 * LAT) / 30) * 60 + (EW / 30) * 60 + ((3 * LAT) / 60) * 60;
    expect(minutes).toBeCloseTo(10.598, 2);
    expect(before.min[0]).toBeCloseTo(minutes, 6);
    expect(before.km[0]).toBeCloseTo(2.5 * LAT + EW + 3 * LAT, 6);
    // The other way round (center → that point) may use the south connector (15 km/h) and drive north.
    const back = model.trip(F1, P_ONEWAY);
    expect(back.minutes).toBeCloseTo((geodesicKm(at(40, 47), at(40, 47.01)) / 15) * 60 + ((0.5 * LAT) / 30) * 60, 6);
    expect(model.trip(P_ONEWAY, F1).minutes).toBeCloseTo(minutes, 6);
  });

  it('a ferry counts its duration, and its km', () => {
    // Island road 1.112 km at 30, the ferry's 20 minutes, Main street 3.336 km at 60.
    expect(before.min[1]).toBeCloseTo((LAT / 30) * 60 + 20 + ((3 * LAT) / 60) * 60, 6);
    expect(before.min[1]).toBeCloseTo(25.56, 2);
    expect(before.km[1]).toBeCloseTo(LAT + 3 * LAT + 3 * LAT, 6);
  });

  it('points beyond the off-road limit (or next to a dropped islet) are unreachable and reported', () => {
    expect(before.min[2]).toBe(Infinity);
    expect(before.min[3]).toBe(Infinity);
    expect(costs.owner('center', 2)).toBe(-1);
    expect(costs.unreachable).toEqual([2, 3]);
    expect(costs.notes?.[0]).toBe(
      '2 population points are more than 2 km from any road and counted as unreachable (e.g. 40.0000,47.0500; 40.1005,47.1001)',
    );
  });

  it('a facility beyond the off-road limit serves nobody, and is reported', async () => {
    const m = await town();
    const c = m.nearestCosts([P_ONEWAY]);
    c.open('center', [{ id: 0, place: P_FAR }]);
    expect(c.minutes('center')[0]).toBe(Infinity);
    expect(m.info.notes).toContain(
      '1 facility is more than 2 km from any road and serves nobody (e.g. 40.0000,47.0500)',
    );
  });

  it('the access leg is a straight line at the off-road speed', () => {
    const access = geodesicKm(P_FIELD, at(40.015, 47.0));
    expect(access).toBeCloseTo(0.8516, 3);
    expect(before.min[4]).toBeCloseTo((access / 6) * 60 + ((1.5 * LAT) / 60) * 60, 4);
    expect(before.km[4]).toBeCloseTo(access + 1.5 * LAT, 4);
  });

  it('a facility opening mid-plan lowers times only where it is nearer', () => {
    costs.open('center', [{ id: 1, place: F2 }]);
    const min = costs.minutes('center');
    expect(min[0]).toBeCloseTo(((2.5 * LAT) / 30) * 60, 6); // straight up the one-way: 5.56 min
    expect(min[1]).toBeCloseTo((LAT / 30) * 60 + 20 + (EW / 30) * 60, 6); // ferry, then the connector east
    expect(min[4]).toBeCloseTo(before.min[4]!, 9); // still nearer to F1
    expect([0, 1, 4].map((i) => costs.owner('center', i))).toEqual([1, 1, 0]);
    costs.close('center', [1]);
    expect([...costs.minutes('center')]).toEqual(before.min);
  });

  it('finds the points within a standard of each site (optimisation)', () => {
    // Within 15 min of F1: the one-way street (10.60) and the field (10.18); the island is 25.56 away.
    expect(model.reachable(points, [F1, F2], { within_min: 15 }).map((a) => [...a])).toEqual([
      [0, 4],
      [0, 4],
    ]);
    // Within 3 road km of F1: only the field (0.85 off-road + 1.67 on Main street = 2.52 km).
    expect(model.reachable(points, [F1], { within_km: 3 }).map((a) => [...a])).toEqual([[4]]);
    expect(model.reachKm({ within_km: 3, within_min: 15 })).toBe(3);
    expect(model.reachKm({ within_min: 15 })).toBeNull();
  });

  it('places on different sides of a closed border never reach each other, even on a shared road', () => {
    const c = model.nearestCosts([P_ONEWAY, { ...P_FIELD, side: 1 }]);
    c.open('branch', [{ id: 0, place: F1 }]);
    expect(c.minutes('branch')[1]).toBe(Infinity);
    c.open('branch', [{ id: 1, place: { ...F2, side: 1 } }]);
    expect([c.owner('branch', 0), c.owner('branch', 1)]).toEqual([0, 1]);
    expect(model.trip({ ...P_FIELD, side: 1 }, F1).minutes).toBe(Infinity);
    expect([...model.nearestSites([{ ...P_FIELD, side: 1 }], [F1, { ...F2, side: 1 }], 2).site]).toEqual([1, -1]);
  });

  it('ranks candidate sites per point (optimisation)', () => {
    const r = model.nearestSites([P_ONEWAY, P_FAR], [F1, F2], 2);
    expect([...r.site]).toEqual([1, 0, -1, -1]);
    expect(r.minutes[0]).toBeCloseTo(((2.5 * LAT) / 30) * 60, 6);
    expect(r.minutes[1]).toBeCloseTo(before.min[0]!, 6);
  });
});

describe('road network inputs', () => {
  let reference: Awaited<ReturnType<typeof town>>['graph'];
  beforeAll(async () => {
    reference = (await town('town.osm')).graph;
  });
  it.each(['town.osm.pbf', 'town-raw.osm.pbf', 'town.geojson'])(
    '%s gives the same graph as the OSM XML',
    async (file) => {
      const g = (await town(file)).graph;
      expect(g.meta.roadKm).toBeCloseTo(reference.meta.roadKm, 9);
      expect(g.meta.edges).toBe(reference.meta.edges);
      expect([...g.fwdMin].sort()).toEqual([...reference.fwdMin].sort());
    },
  );

  const tmp = mkdtempSync(join(tmpdir(), 'dostplan-roads-'));
  const write = (name: string, text: string) => {
    const f = join(tmp, name);
    writeFileSync(f, text);
    return f;
  };

  it('broken XML is reported with file, line and column (exit code 1)', async () => {
    const f = write('bad.osm', '<osm>\n  <node id="1" lat="40" lon="47">\n</osm>\n');
    await expect(buildGraph(run, f, loadProfile(run))).rejects.toThrow(/bad\.osm:3:\d+: not well-formed XML/);
    const g = write('nolat.osm', '<osm>\n <node id="1" lon="47"/>\n</osm>\n');
    await expect(buildGraph(run, g, loadProfile(run))).rejects.toThrow(
      /nolat\.osm:2:\d+: node lat is missing or not a number/,
    );
  });

  it('a file that is no network, or has no roads, is refused with a clear message', async () => {
    await expect(buildGraph(run, write('x.csv', 'lat,lon\n1,2\n'), loadProfile(run))).rejects.toThrow(
      /expected OpenStreetMap PBF/,
    );
    await expect(
      buildGraph(run, write('empty.osm', '<osm><node id="1" lat="40" lon="47"/></osm>'), loadProfile(run)),
    ).rejects.toThrow(/no road a car may use/);
    await expect(loadRoadModel(run, join(tmp, 'missing.osm.pbf'))).rejects.toThrow(/no such file/);
  });

  it('a profile override with a bad value points at its line', () => {
    const f = write('p.yaml', 'access:\n  speed_kmh: -5\n');
    expect(() => loadProfile(run, f)).toThrow(/p\.yaml:2:14: .*road profile/);
    expect(loadProfile(run, PROFILE).highways.motorway).toBe(90); // classes not overridden keep the default
  });
});

describe('profile tags', () => {
  const p = loadProfile(run);
  it('reads maxspeed and ferry durations', () => {
    expect(parseMaxspeed('50')).toBe(50);
    expect(parseMaxspeed('30 mph')).toBeCloseTo(48.28, 2);
    expect(parseMaxspeed('RU:urban')).toBeUndefined();
    expect(parseDuration('01:30')).toBe(90);
    expect(parseDuration('0:45:30')).toBe(45.5);
    expect(parseDuration('PT1H5M')).toBe(65);
    expect(parseDuration('40')).toBe(40);
  });
  it('one-ways, implied one-ways, speeds and blocked ways', () => {
    expect(wayCost({ highway: 'primary' }, p)).toMatchObject({ kmh: 65, oneway: 0, access: true });
    expect(wayCost({ highway: 'primary', maxspeed: '90' }, p)?.kmh).toBeCloseTo(72, 9);
    expect(wayCost({ highway: 'motorway' }, p)).toMatchObject({ oneway: 1, access: false });
    expect(wayCost({ highway: 'residential', oneway: '-1' }, p)?.oneway).toBe(-1);
    expect(wayCost({ highway: 'residential', junction: 'roundabout' }, p)?.oneway).toBe(1);
    expect(wayCost({ highway: 'footway' }, p)).toBeUndefined();
    expect(wayCost({ highway: 'service', access: 'private' }, p)).toBeUndefined();
    expect(wayCost({ route: 'ferry', duration: '1:00' }, p)).toMatchObject({ ferry: true, ferryMinutes: 60 });
  });
});

describe('graph cache', () => {
  it('round-trips the graph and ignores a damaged file', async () => {
    const g = (await town()).graph;
    const dir = mkdtempSync(join(tmpdir(), 'dostplan-cache-'));
    const f = join(dir, 'g.bin');
    writeGraphCache(f, 'k1', g);
    const read = readGraphCache(f, 'k1');
    if (!('graph' in read)) throw new Error('the cache was not read back');
    const back = read.graph;
    for (const name of GRAPH_ARRAYS) expect([...back[name]]).toEqual([...g[name]]);
    expect(back.meta).toEqual(g.meta);
    expect(readGraphCache(f, 'other key')).toEqual({ miss: true });
    writeFileSync(f, 'garbage');
    expect(readGraphCache(f, 'k1')).toEqual({ bad: said('note.cache.not_cache') });
  });
  it('the second load of the same extract and profile comes from the cache', async () => {
    const env = process.env.DOSTPLAN_CACHE_DIR;
    process.env.DOSTPLAN_CACHE_DIR = mkdtempSync(join(tmpdir(), 'dostplan-cache-'));
    try {
      const first = await loadRoadModel(run, join(DIR, 'town.osm'), { profileFile: PROFILE });
      const second = await loadRoadModel(run, join(DIR, 'town.osm'), { profileFile: PROFILE });
      const other = await loadRoadModel(run, join(DIR, 'town.osm'));
      expect([first.report.fromCache, second.report.fromCache, other.report.fromCache]).toEqual([false, true, false]);
      expect(second.model.info.description).toBe(first.model.info.description);
    } finally {
      if (env === undefined) delete process.env.DOSTPLAN_CACHE_DIR;
      else process.env.DOSTPLAN_CACHE_DIR = env;
    }
  });
});

describe('incremental engine', () => {
  // A random 40 × 40 street grid with one-ways, varied speeds and a few missing links.
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const b = new GraphBuilder(loadProfile(run));
  const N = 40;
  for (let r = 0; r < N; r++) for (let c = 0; c < N; c++) b.node(r * N + c + 1, 40 + r * 0.01, 47 + c * 0.01);
  const classes = ['primary', 'secondary', 'tertiary', 'residential', 'track'];
  for (let r = 0; r < N; r++) {
    for (let c = 0; c < N; c++) {
      const id = r * N + c + 1;
      const tags = () => ({
        highway: classes[Math.floor(rnd() * classes.length)]!,
        ...(rnd() < 0.2 ? { oneway: 'yes' } : {}),
      });
      if (c + 1 < N && rnd() < 0.9) b.way([id, id + 1], tags());
      if (r + 1 < N && rnd() < 0.9) b.way(rnd() < 0.5 ? [id, id + N] : [id + N, id], tags());
    }
  }
  const g = b.build('xml');
  const model = new RoadModel(g, loadProfile(run), 'grid');
  const randomSite = () => model.seedsOf(model.attach(at(40 + rnd() * 0.39, 47 + rnd() * 0.39))!);

  it('matches a full recompute after every random opening and closing', () => {
    const inc = new NodeCosts(g);
    const full = new NodeCosts(g);
    const open: number[] = [];
    for (let step = 0; step < 60; step++) {
      if (open.length > 2 && rnd() < 0.4) {
        const ids = open.splice(Math.floor(rnd() * open.length), 1 + Math.floor(rnd() * 2));
        inc.close(ids);
        full.close(ids);
      } else {
        const batch = Array.from({ length: 1 + Math.floor(rnd() * 3) }, (_, j) => ({
          id: step * 10 + j,
          seeds: randomSite(),
        }));
        open.push(...batch.map((s) => s.id));
        inc.open(batch);
        full.open(batch);
      }
      full.recompute();
      for (let v = 0; v < g.lat.length; v++) {
        if (Math.abs(inc.dist[v]! - full.dist[v]!) > 1e-9 && !(inc.dist[v] === Infinity && full.dist[v] === Infinity)) {
          throw new Error(`step ${step}, vertex ${v}: incremental ${inc.dist[v]} vs full ${full.dist[v]}`);
        }
      }
    }
    expect(inc.openSites).toBeGreaterThan(0);
    // The network has one-ways and gaps, yet most vertices reach some site.
    expect(inc.dist.filter((d) => d < Infinity).length).toBeGreaterThan(g.lat.length * 0.9);
  });

  it('k cheapest sites and points within a standard agree with single trips', () => {
    const pts = Array.from({ length: 40 }, () => at(40 + rnd() * 0.39, 47 + rnd() * 0.39));
    const sites = Array.from({ length: 12 }, () => at(40 + rnd() * 0.39, 47 + rnd() * 0.39));
    const k = 3;
    const r = model.nearestSites(pts, sites, k);
    pts.forEach((p, i) => {
      const trips = sites.map((s) => model.trip(p, s).minutes).sort((a, b) => a - b);
      for (let j = 0; j < k; j++) expect(r.minutes[i * k + j]).toBeCloseTo(trips[j]!, 5); // trip() keeps single-precision trees
    });
    expect(r.minutes.filter((m) => m < Infinity).length).toBeGreaterThan(pts.length * 2);
    const within = model.reachable(pts, sites, { within_min: 20 });
    expect(within.reduce((t, w) => t + w.length, 0)).toBeGreaterThan(10);
    sites.forEach((s, j) => {
      const expected = pts.flatMap((p, i) => (model.trip(p, s).minutes <= 20 ? [i] : []));
      expect([...within[j]!]).toEqual(expected);
    });
  });
});

describe('chains', () => {
  // A street grid whose links carry shape nodes (and some one-ways), built twice: with the
  // degree-2 nodes contracted into chains (the default) and with every node a vertex. Both must
  // give the same times for points and sites scattered along the chains.
  const build = (contract: boolean) => {
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const b = new GraphBuilder(loadProfile(run), contract);
    const N = 12,
      S = 3;
    let next = N * N + 1;
    for (let r = 0; r < N; r++) for (let c = 0; c < N; c++) b.node(r * N + c + 1, 40 + r * 0.02, 47 + c * 0.02);
    const link = (from: number, to: number, lat: number, lon: number, dLat: number, dLon: number) => {
      const refs = [from];
      for (let k = 1; k <= S; k++) {
        b.node(
          next,
          lat + (dLat * k) / (S + 1) + (rnd() - 0.5) * 0.002,
          lon + (dLon * k) / (S + 1) + (rnd() - 0.5) * 0.002,
        );
        refs.push(next++);
      }
      refs.push(to);
      const tags: Record<string, string> = { highway: ['primary', 'residential', 'track'][Math.floor(rnd() * 3)]! };
      if (rnd() < 0.25) tags.oneway = rnd() < 0.5 ? 'yes' : '-1';
      if (rnd() < 0.85) b.way(refs, tags);
    };
    for (let r = 0; r < N; r++) {
      for (let c = 0; c < N; c++) {
        const id = r * N + c + 1,
          lat = 40 + r * 0.02,
          lon = 47 + c * 0.02;
        if (c + 1 < N) link(id, id + 1, lat, lon, 0, 0.02);
        if (r + 1 < N) link(id, id + N, lat, lon, 0.02, 0);
      }
    }
    return new RoadModel(b.build('xml'), loadProfile(run), 'grid');
  };
  const contracted = build(true),
    full = build(false);
  let seed = 5;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const place = () => at(40 + rnd() * 0.22, 47 + rnd() * 0.22);

  it('contracts the shape nodes away', () => {
    expect(contracted.graph.meta.roadNodes).toBe(full.graph.meta.vertices);
    expect(contracted.graph.meta.vertices).toBeLessThan(full.graph.meta.vertices / 2);
    expect(contracted.graph.meta.roadKm).toBeCloseTo(full.graph.meta.roadKm, 9);
  });

  it('gives the same times as the uncontracted graph, year after year', () => {
    const pts = Array.from({ length: 300 }, place);
    const a = contracted.nearestCosts(pts),
      b = full.nearestCosts(pts);
    const sites = Array.from({ length: 12 }, (_, id) => ({ id, place: place() }));
    const open = new Set<number>();
    for (const [opening, closing] of [
      [[0, 1], []],
      [[2, 3, 4], [0]],
      [[5], [2, 3]],
      [[6, 7, 8, 9], [1]],
    ] as const) {
      for (const m of [a, b]) {
        m.open(
          'branch',
          sites.filter((s) => (opening as readonly number[]).includes(s.id)),
        );
        m.close('branch', closing as readonly number[]);
      }
      opening.forEach((id) => open.add(id));
      closing.forEach((id) => open.delete(id));
      // The incremental per-point refresh matches a fresh start with the same sites open.
      const fresh = contracted.nearestCosts(pts);
      fresh.open(
        'branch',
        sites.filter((s) => open.has(s.id)),
      );
      expect([...a.minutes('branch')]).toEqual([...fresh.minutes('branch')]);
      const ma = a.minutes('branch'),
        mb = b.minutes('branch'),
        ka = a.km('branch'),
        kb = b.km('branch');
      for (let i = 0; i < pts.length; i++) {
        if (mb[i] === Infinity) expect(ma[i]).toBe(Infinity);
        else {
          expect(ma[i]).toBeCloseTo(mb[i]!, 4);
          expect(ka[i]).toBeCloseTo(kb[i]!, 3);
        }
      }
      expect(ma.filter((m) => m < Infinity).length).toBeGreaterThan(200);
    }
    // Single trips, including pairs on one chain.
    for (let i = 0; i < 60; i++) {
      const from = place(),
        to = i % 3 ? place() : at(from.lat + 0.0004, from.lon + 0.0004);
      const ta = contracted.trip(from, to),
        tb = full.trip(from, to);
      if (tb.minutes === Infinity) expect(ta.minutes).toBe(Infinity);
      else expect(ta.minutes).toBeCloseTo(tb.minutes, 4);
    }
  });
});
