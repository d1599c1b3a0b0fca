import { describe, expect, it } from 'vitest';
import { chordToGeodesicKm, geodesicKm, geodesicToChordKm } from '../src/geo/geodesic.js';
import { StraightLineModel } from '../src/travel/straight-line.js';
import { NearestTracker, PointGrid, pointSet } from '../src/geo/nearest-tracker.js';
import { kNearestSites, zOrder } from '../src/geo/nearest-sites.js';

describe('geodesic distances', () => {
  it('Baku–Ganja is about 297 km as the crow flies', () => {
    const d = geodesicKm({ lat: 40.4093, lon: 49.8671 }, { lat: 40.6828, lon: 46.3606 });
    expect(d).toBeGreaterThan(294);
    expect(d).toBeLessThan(300);
  });
  it('one degree of latitude is 111.195 km on the mean sphere', () => {
    expect(geodesicKm({ lat: 40, lon: 47 }, { lat: 41, lon: 47 })).toBeCloseTo(111.195, 2);
  });
  it('Nakhchivan–Baku, across Armenia, is about 400 km', () => {
    const d = geodesicKm({ lat: 39.2089, lon: 45.4122 }, { lat: 40.3777, lon: 49.892 });
    expect(d).toBeGreaterThan(390);
    expect(d).toBeLessThan(410);
  });
  it('chord and geodesic distances convert both ways', () => {
    for (const km of [0, 1, 50, 500, 5000]) expect(chordToGeodesicKm(geodesicToChordKm(km))).toBeCloseTo(km, 6);
  });
});

describe('distance model', () => {
  it('applies circuity to distance and speed to time', () => {
    // Baku (40.3777, 49.8920) to Sumgayit (40.5897, 49.6686): 30.2 km as the crow flies.
    const baku = { lat: 40.3777, lon: 49.892, side: 0 },
      sumgayit = { lat: 40.5897, lon: 49.6686, side: 0 };
    const trip = new StraightLineModel({ circuity: 1.3, speedKmh: 50 }).trip(baku, sumgayit);
    expect(trip.km / 1.3).toBeCloseTo(30.2, 1);
    expect(trip.minutes).toBeCloseTo((trip.km / 50) * 60, 9);
    // Never across an exclave's border.
    expect(new StraightLineModel({ circuity: 1, speedKmh: 50 }).trip(baku, { ...sumgayit, side: 1 }).km).toBe(Infinity);
    // 30 road km at circuity 1.5 is 20 km as the crow flies; 30 min at 60 km/h is 30 road km.
    expect(new StraightLineModel({ circuity: 1.5, speedKmh: 60 }).radiusKm({ within_km: 30 })).toBeCloseTo(20);
    expect(
      new StraightLineModel({ circuity: 1, speedKmh: 60 }).radiusKm({ within_km: 30, within_min: 15 }),
    ).toBeCloseTo(15);
    expect(new StraightLineModel({ circuity: 1.3, speedKmh: 60 }).reachKm({ within_min: 30 })).toBe(30);
  });
});

describe('incremental nearest-facility tracker', () => {
  // Deterministic pseudo-random points and facilities over Azerbaijan's bounding box.
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pts = Array.from({ length: 3000 }, () => ({ lat: 38.4 + rnd() * 3.5, lon: 44.8 + rnd() * 5.6 }));
  const fac = Array.from({ length: 60 }, () => ({ lat: 38.4 + rnd() * 3.5, lon: 44.8 + rnd() * 5.6 }));

  it('agrees with brute force after every opening and closing', () => {
    const t = new NearestTracker(new PointGrid(pointSet(pts), 5));
    const open = new Set<number>();
    const check = () => {
      for (let i = 0; i < pts.length; i += 7) {
        let best = Infinity;
        for (const f of open) best = Math.min(best, geodesicKm(pts[i]!, fac[f]!));
        expect(t.km(i)).toBeCloseTo(best, 6);
        if (open.size) expect(geodesicKm(pts[i]!, fac[t.ownerOf(i)]!)).toBeCloseTo(best, 6);
      }
    };
    check();
    fac.forEach((f, id) => {
      t.add(id, f.lat, f.lon);
      open.add(id);
      if (id % 10 === 9) check();
    });
    for (const id of [3, 17, 18, 40, 59]) {
      t.remove(id);
      open.delete(id);
    }
    check();
    for (const id of [...open]) {
      t.remove(id);
      open.delete(id);
    }
    check();
    expect(t.km(0)).toBe(Infinity);
  });
});

describe('nearest-facility tracker, a year of openings at once (addMany)', () => {
  let seed = 11;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const place = () => ({ lat: 38.4 + rnd() * 3.5, lon: 44.8 + rnd() * 5.6 });
  // Half the points crowd around 20 towns, so some cells are split into sub-cells.
  const towns = Array.from({ length: 20 }, place);
  const cloud = (n: number) =>
    Array.from({ length: n }, (_, i) => {
      if (i % 2) return place();
      const t = towns[i % towns.length]!;
      return { lat: t.lat + (rnd() - 0.5) * 0.05, lon: t.lon + (rnd() - 0.5) * 0.05 };
    });

  /** Opens batches in turn and checks every 13th point against brute force after each. */
  function check(pts: { lat: number; lon: number }[], batches: { lat: number; lon: number }[][]) {
    const t = new NearestTracker(new PointGrid(pointSet(pts)));
    const open: { lat: number; lon: number }[] = [];
    for (const batch of batches) {
      t.addMany(batch.map((f, k) => ({ id: open.length + k, ...f })));
      open.push(...batch);
      for (let i = 0; i < pts.length; i += 13) {
        let best = Infinity,
          owner = -1;
        // Of equally near facilities (here: one site under two ids) the lowest id serves the point.
        open.forEach((f, id) => {
          const d = geodesicKm(pts[i]!, f);
          if (d < best - 1e-9) [best, owner] = [d, id];
        });
        expect(t.km(i)).toBeCloseTo(best, 6);
        expect(t.ownerOf(i)).toBe(owner);
      }
    }
  }

  it('agrees with brute force when every facility is tried for every point (a few thousand points)', () => {
    const fac = Array.from({ length: 60 }, place);
    // A batch repeating a site (within itself, then of an earlier year): the lowest id keeps it.
    check(cloud(3000), [[...fac.slice(0, 40), fac[5]!], [...fac.slice(40), fac[5]!], fac.slice(50, 53)]);
  });

  it('agrees with brute force when the batch is pruned by cell boxes (25,000 points × 100 sites)', () => {
    const fac = Array.from({ length: 700 }, place);
    check(cloud(25_000), [[...fac.slice(0, 100), fac[7]!], [...fac.slice(100, 600), fac[7]!], fac.slice(600, 605)]);
  });
});

describe('nearest-facility tracker, co-located facilities', () => {
  // Two ids at one site: the lower id serves its points whatever the order of opening, on every
  // path (one add at a time, a flat batch, a pruned batch) and after the other closes.
  const pts = Array.from({ length: 400 }, (_, i) => ({
    lat: 40 + (i % 20) * 0.01,
    lon: 49 + Math.floor(i / 20) * 0.01,
  }));
  const site = { lat: 40.1, lon: 49.1 };
  const far = { lat: 41.5, lon: 47 };
  const owners = (t: NearestTracker) => new Set(pts.map((_, i) => t.ownerOf(i)));
  const at = (id: number): [number, number] => (id === 9 ? [far.lat, far.lon] : [site.lat, site.lon]);
  const sites = (ids: number[]) => ids.map((id) => ({ id, lat: at(id)[0], lon: at(id)[1] }));

  it('the lower id wins a tie, opened before or after the higher', () => {
    for (const open of [
      (t: NearestTracker) => [9, 7, 5, 3].forEach((id) => t.add(id, ...at(id))),
      (t: NearestTracker) => [t.addMany(sites([9, 7])), t.addMany(sites([5])), t.addMany(sites([3]))],
      (t: NearestTracker) => t.addMany(sites([9, 7, 5, 3])),
    ]) {
      const t = new NearestTracker(new PointGrid(pointSet(pts), 1));
      open(t);
      expect(owners(t)).toEqual(new Set([3]));
      // Its points go to the lower of the two left at the site.
      t.remove(3);
      expect(owners(t)).toEqual(new Set([5]));
      t.add(3, site.lat, site.lon);
      expect(owners(t)).toEqual(new Set([3]));
    }
  });
});

/** Every admissible site by (geodesic km, index), the k first, padded with -1: the plain computation. */
const bruteForce = (
  pts: { lat: number; lon: number }[],
  pointSide: Uint16Array,
  sites: { lat: number; lon: number }[],
  siteSide: Uint16Array,
  k: number,
) =>
  pts.flatMap((p, i) => {
    const want = sites
      .map((s, j) => ({ j, d: geodesicKm(p, s) }))
      .filter(({ j }) => siteSide[j] === pointSide[i])
      .sort((a, b) => a.d - b.d || a.j - b.j)
      .slice(0, k)
      .map(({ j }) => j);
    while (want.length < k) want.push(-1);
    return want;
  });

describe('k nearest sites (k-d tree search in chord space)', () => {
  it("the straight-line model's nearestSites gives trip's km and minutes to the bit", async () => {
    const { StraightLineModel } = await import('../src/travel/straight-line.js');
    let seed = 3;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const place = () => ({ lat: 38.4 + rnd() * 3.5, lon: 44.8 + rnd() * 5.6, side: rnd() < 0.1 ? 1 : 0 });
    const points = Array.from({ length: 400 }, place),
      sites = Array.from({ length: 60 }, place);
    const model = new StraightLineModel({ circuity: 1.37, speedKmh: 43 });
    const k = 7;
    const near = model.nearestSites(points, sites, k);
    let pairs = 0;
    points.forEach((p, i) => {
      for (let r = 0; r < k && near.site[i * k + r]! >= 0; r++, pairs++) {
        const t = model.trip(p, sites[near.site[i * k + r]!]!);
        expect(near.km[i * k + r]).toBe(t.km);
        expect(near.minutes[i * k + r]).toBe(t.minutes);
      }
    });
    expect(pairs).toBeGreaterThan(2000);
  });

  it('agrees with brute force: clustered and scattered sites, two sides, co-located sites by index', () => {
    let seed = 17;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const town = { lat: 40.4, lon: 49.9 };
    const place = (i: number) =>
      i % 3
        ? { lat: 38.5 + rnd() * 3.3, lon: 45.2 + rnd() * 5.1 }
        : { lat: town.lat + rnd() * 0.05, lon: town.lon + rnd() * 0.05 };
    const pts = Array.from({ length: 600 }, (_, i) => place(i));
    const sites = Array.from({ length: 300 }, (_, i) => place(i));
    sites[7] = { ...sites[3]! }; // two sites at one place: the lower index first
    const pointSide = Uint16Array.from(pts, (_, i) => (i % 50 === 0 ? 1 : 0));
    const siteSide = Uint16Array.from(sites, (_, j) => (j % 40 === 0 ? 1 : 0)); // 8 sites on side 1
    for (const k of [1, 5, 12]) {
      const got = kNearestSites(pointSet(pts), pointSide, pointSet(sites), siteSide, k);
      expect([...got]).toEqual(bruteForce(pts, pointSide, sites, siteSide, k));
    }
  });
});

describe('k nearest sites: the tree search against brute force on degenerate and crowded inputs', () => {
  const check = (
    pts: { lat: number; lon: number }[],
    sites: { lat: number; lon: number }[],
    k: number,
    pointSide = new Uint16Array(pts.length),
    siteSide = new Uint16Array(sites.length),
  ) => {
    const got = kNearestSites(pointSet(pts), pointSide, pointSet(sites), siteSide, k);
    expect([...got]).toEqual(bruteForce(pts, pointSide, sites, siteSide, k));
    return got;
  };
  let seed = 41;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const baku = { lat: 40.4093, lon: 49.8671 };

  it('no points, no sites, k = 0, one point, one site', () => {
    expect(kNearestSites(pointSet([]), new Uint16Array(0), pointSet([baku]), new Uint16Array(1), 3)).toHaveLength(0);
    expect([...check([baku], [], 3)]).toEqual([-1, -1, -1]);
    expect(check([baku], [baku], 0)).toHaveLength(0);
    expect([...check([baku], [baku], 1)]).toEqual([0]);
    expect([...check([baku], [baku], 2)]).toEqual([0, -1]);
  });

  it('all sites at one place: ties by index, for points on the site and beside it', () => {
    const sites = Array.from({ length: 50 }, () => ({ ...baku }));
    const got = check([baku, { lat: 40.5, lon: 49.9 }], sites, 12);
    expect([...got.subarray(0, 12)]).toEqual(Array.from({ length: 12 }, (_, j) => j));
  });

  it('points all at one place, sites crowded in a few towns (as real candidates are), k up to every site', () => {
    const towns = Array.from({ length: 6 }, () => ({ lat: 38.5 + rnd() * 3, lon: 45.5 + rnd() * 4 }));
    const near = (t: { lat: number; lon: number }, spread: number) => ({
      lat: t.lat + (rnd() - 0.5) * spread,
      lon: t.lon + (rnd() - 0.5) * spread,
    });
    const sites = Array.from({ length: 240 }, (_, j) => near(towns[j % 6]!, 0.05));
    // Many points at exactly one place (each starts from its predecessor's bound), then crowded ones.
    const pts = [
      ...Array.from({ length: 30 }, () => ({ ...towns[0]! })),
      ...Array.from({ length: 600 }, (_, i) => near(towns[i % 6]!, 0.08)),
      ...Array.from({ length: 60 }, () => ({ lat: 38.4 + rnd() * 3.4, lon: 44.9 + rnd() * 5.3 })),
    ];
    for (const k of [1, 40, 239, 240, 300]) check(pts, sites, k);
  });

  it('a side with no sites, a side with fewer sites than k, sites on points', () => {
    const pts = Array.from({ length: 300 }, () => ({ lat: 39 + rnd() * 2, lon: 46 + rnd() * 3 }));
    const sites = [...pts.slice(0, 25).map((p) => ({ ...p })), ...pts.slice(100, 110).map((p) => ({ ...p }))];
    const pointSide = Uint16Array.from(pts, (_, i) => i % 3); // side 2 has no site
    const siteSide = Uint16Array.from(sites, (_, j) => (j < 30 ? 0 : 1)); // side 1: 5 sites
    check(pts, sites, 8, pointSide, siteSide);
  });

  it('the Z-order visits every point once, and is the index order when all points coincide', () => {
    const pts = Array.from({ length: 5000 }, () => ({ lat: 38 + rnd() * 4, lon: 44 + rnd() * 6 }));
    const order = zOrder(pointSet(pts));
    expect([...order].sort((a, b) => a - b)).toEqual(pts.map((_, i) => i));
    expect([...zOrder(pointSet(Array.from({ length: 9 }, () => baku)))]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(zOrder(pointSet([]))).toHaveLength(0);
  });

  it("tripKm is trip's km to the bit, and Infinity across a border that cannot be crossed", () => {
    const model = new StraightLineModel({ circuity: 1.3, speedKmh: 50 });
    const places = Array.from({ length: 40 }, (_, i) => ({
      lat: 38.4 + rnd() * 3.5,
      lon: 44.8 + rnd() * 5.6,
      side: i % 7 === 0 ? 1 : 0,
    }));
    const km = model.tripKm(places, places);
    for (let i = 0; i < places.length; i++)
      for (let j = 0; j < places.length; j++) expect(km(i, j)).toBe(model.trip(places[i]!, places[j]!).km);
    expect(km(0, 1)).toBe(Infinity);
  });
});

describe('country outline', () => {
  it('agrees with turf point-in-polygon on 20,000 random points around Azerbaijan', async () => {
    const { default: booleanPointInPolygon } = await import('@turf/boolean-point-in-polygon');
    const { embedded } = await import('../src/load/dataset-loader.js');
    const { outline } = embedded();
    let s = 99;
    const r = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let inside = 0;
    for (let i = 0; i < 20_000; i++) {
      const p = { lat: 38.2 + r() * 3.8, lon: 44.6 + r() * 6 };
      const ours = outline.contains(p);
      expect(ours, `${p.lat},${p.lon}`).toBe(booleanPointInPolygon([p.lon, p.lat], outline.geometry));
      if (ours) inside++;
    }
    // Azerbaijan fills a good part of its bounding box, and not all of it.
    expect(inside / 20_000).toBeGreaterThan(0.3);
    expect(inside / 20_000).toBeLessThan(0.8);
  });
});
