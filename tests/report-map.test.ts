import { describe, expect, it } from 'vitest';
import { placeLabels } from '../src/render/label-placement.js';
import { classColor, CONTEXT, COVERAGE_SCALE, TRAVEL_TIME_SCALE } from '../src/render/palette.js';
import { rewind, shortNames, wrap } from '../src/render/svg-map.js';
import { cli } from './helpers.js';

describe('map colours: fixed classes', () => {
  it('a coverage share always falls in the same class, whatever the report', () => {
    expect(classColor(COVERAGE_SCALE, 0)).toBe('#ffffcc');
    expect(classColor(COVERAGE_SCALE, 79.99)).toBe('#2c7fb8');
    expect(classColor(COVERAGE_SCALE, 80)).toBe('#253494');
    expect(classColor(COVERAGE_SCALE, 100)).toBe('#253494');
    expect(classColor(COVERAGE_SCALE, null)).toBe(CONTEXT.noData);
  });
  it('travel time: 10-minute steps to 30, then 45, 60 and more', () => {
    expect(
      [5, 10, 29.9, 30, 59, 60, 300].map((m) =>
        TRAVEL_TIME_SCALE.classes.findIndex((c) => c.color === classColor(TRAVEL_TIME_SCALE, m)),
      ),
    ).toEqual([0, 1, 2, 3, 4, 5, 5]);
  });
});

describe('center names on the map', () => {
  it('drop the words every center shares', () => {
    const names = [
      'Baku DOST Center No. 1 (Yasamal)',
      'Ganja DOST Center',
      'Guba DOST Center',
      'Karabakh Regional DOST Center (Barda)',
    ];
    expect([...shortNames(names).values()]).toEqual([
      'Baku No. 1 (Yasamal)',
      'Ganja',
      'Guba',
      'Karabakh Regional (Barda)',
    ]);
  });
  it('three labels on crowded points: none overlaps another or a marker', () => {
    // Three markers 8 px apart on a line: the first label goes right, the others must find room elsewhere.
    const markers = [0, 8, 16].map((x) => ({ x: 100 + x - 3, y: 100 - 3, w: 6, h: 6 }));
    const labels = placeLabels(
      ['Alpha', 'Bravo', 'Charlie'].map((text, i) => ({ id: text, text, x: 100 + 8 * i, y: 100, r: 3 })),
      markers,
      { x: 0, y: 0, w: 300, h: 200 },
      11,
    );
    const boxes = [...labels.map((l) => l.box), ...markers];
    for (let i = 0; i < labels.length; i++) {
      for (let j = 0; j < boxes.length; j++) {
        if (i === j) continue;
        const a = boxes[i]!,
          b = boxes[j]!;
        expect(
          a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h,
          `${labels[i]!.id} × box ${j}`,
        ).toBe(false);
      }
    }
  });
  it('wraps a legend title at the panel width', () => {
    expect(wrap('Mean travel time to the nearest open center or branch', 32)).toEqual([
      'Mean travel time to the nearest',
      'open center or branch',
    ]);
  });
});

describe('polygons for d3-geo', () => {
  it('an RFC 7946 (counter-clockwise) ring is turned round; a d3 (clockwise) ring is kept', () => {
    const ccw = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
          [0, 0],
        ],
      ],
    };
    const cw = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 0],
          [0, 1],
          [1, 1],
          [1, 0],
          [0, 0],
        ],
      ],
    };
    expect(rewind(ccw).coordinates[0]).toEqual(cw.coordinates[0]);
    expect(rewind(cw)).toEqual(cw);
  });
});

describe('people no open facility reaches: their own class on every measure (issue 22 item 7)', () => {
  // 2025: the Nakhchivan center is still under construction, and no road or ferry reaches the
  // exclave's eight units from the mainland's facilities within the model: nobody there is served.
  const nakhchivan = ['AZ-BAB', 'AZ-CUL', 'AZ-KAN', 'AZ-NV', 'AZ-ORD', 'AZ-SAD', 'AZ-SAH', 'AZ-SAR'];
  const fills = (svg: string) =>
    new Map([...svg.matchAll(/data-code="(AZ-[A-Z]+)"[^>]*fill="(#[0-9a-f]+)"/g)].map((m) => [m[1]!, m[2]!]));
  for (const measure of ['coverage', 'travel-time', 'utilization']) {
    it(`${measure}: the exclave in the unreachable grey, with a legend entry; Baku in a class`, () => {
      const r = cli(['report', '--map-only', '--year', '2025', '--measure', measure]);
      expect(r.code).toBe(0);
      const f = fills(r.stdout);
      const unreachable = [...f].filter(([, c]) => c === CONTEXT.unreachable).map(([code]) => code);
      expect(unreachable.sort()).toEqual(nakhchivan);
      expect(f.get('AZ-BA')).not.toBe(CONTEXT.unreachable);
      expect(f.get('AZ-BA')).not.toBe(CONTEXT.noData);
      expect(r.stdout).toContain(`fill="${CONTEXT.unreachable}"`);
      expect(r.stdout).toContain('no open facility reachable');
    });
  }
});
