/**
 * The fast path of `dostplan serve`: Network.replan takes an edited plan in place, re-searching
 * only around the facilities that changed. After every edit, in every year, it must agree with a
 * fresh network over the edited plan — the exact path every command takes — point by point: km,
 * minutes and which facility is nearest, degenerate plans first (no facility at all, two
 * facilities on one spot).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pointColumns } from '../dist/analysis/demand.js';
import { Network } from '../dist/analysis/network.js';
import { embedded } from '../dist/load/dataset-loader.js';
import { loadDemand, loadPlanContext, loadValidPlan, planSettings } from '../dist/load/plan-context.js';
import type { Plan } from '../dist/model/plan.js';
import { RunContext } from '../dist/run/run-context.js';
import { applyEdit, type EditRequest, resolveEdit } from '../dist/serve/edits.js';
import { ROOT } from './helpers.js';

// The road test reads a road network: its graph cache goes to a folder of this run, not the home folder.
process.env.DOSTPLAN_CACHE_DIR = mkdtempSync(join(tmpdir(), 'dostplan-replan-cache-'));
const run = new RunContext();
const country = embedded();
const dost = loadValidPlan(run, join(ROOT, 'plans', 'dost.yaml'), country);
const straight = {
  settings: await planSettings(run, dost, {}),
  points: pointColumns(await loadDemand(run, country, undefined, dost)),
};
type Model = typeof straight;

function fresh(plan: Plan, year: number, m: Model = straight): Network {
  const net = new Network(plan, m.points, country.regions, m.settings.travel);
  net.advanceTo(year);
  return net;
}

/** Everything a figure is read from, with owners as facility ids (indices differ between the two). */
function figures(net: Network) {
  const ids = (kind: 'center' | 'branch' | 'any') =>
    Array.from(net.nearestIndices(kind), (j) => (j < 0 ? '' : net.facilities[j]!.id));
  return {
    kmCenter: Array.from(net.km('center')),
    kmBranch: Array.from(net.km('branch')),
    minAny: Array.from(net.minutes('any')),
    center: ids('center'),
    branch: ids('branch'),
    any: ids('any'),
    open: net
      .openFacilities()
      .map((f) => f.id)
      .sort(),
  };
}

/** Applies the requests one by one to a replanned network, comparing with a fresh one after each, in each year given. */
function agreeThrough(start: Plan, requests: EditRequest[], years: number[], m: Model = straight) {
  let plan = start;
  const net = fresh(plan, years[0]!, m);
  const added = new Set<string>();
  let checked = 0;
  for (const [k, req] of requests.entries()) {
    const e = resolveEdit(req, plan, country, added);
    if (e.op === 'add') added.add(e.facility.id);
    plan = applyEdit(plan, e);
    net.replan(plan);
    const year = years[k % years.length]!;
    net.advanceTo(year);
    expect(figures(net), `after ${req.op} in ${year}`).toEqual(figures(fresh(plan, year, m)));
    checked++;
  }
  return checked;
}

describe('Network.replan agrees with a fresh network after every edit', () => {
  it('from a plan with no facility at all: add, move, re-date, close, remove', () => {
    const empty: Plan = { ...dost, centers: [], branches: [], reassign: [], targets: [] };
    const n = agreeThrough(
      empty,
      [
        { op: 'add', kind: 'center', name: 'Ganja test', lat: 40.68, lon: 46.36, opens: '2021-03-01' },
        { op: 'add', kind: 'branch', name: 'Goygol test', lat: 40.59, lon: 46.32, opens: '2022' },
        { op: 'move', id: 'ganja-test', lat: 40.7, lon: 46.4 },
        { op: 'dates', id: 'goygol-test', opens: '2024-06-30' },
        { op: 'close', id: 'ganja-test', date: '2026-12-31' },
        { op: 'remove', id: 'goygol-test' },
        { op: 'remove', id: 'ganja-test' },
      ],
      [2023, 2025, 2027, 2020],
    );
    expect(n).toBe(7);
  });

  it('on the DOST plan, across years, with a new facility on the very spot of an existing one (a tie)', () => {
    const bak1 = dost.centers.find((c) => c.id === 'BAK-1')!;
    const branch = dost.branches[0]!;
    const n = agreeThrough(
      dost,
      [
        // Same coordinates as BAK-1: of equally near centers the lower index serves, in both paths.
        {
          op: 'add',
          kind: 'center',
          name: 'Twin',
          lat: bak1.location.lat,
          lon: bak1.location.lon,
          opens: '2019-01-01',
        },
        { op: 'add', kind: 'branch', name: 'Shamakhi test', lat: 40.63, lon: 48.64, opens: '2027' },
        { op: 'move', id: branch.id, lat: branch.location.lat + 0.05, lon: branch.location.lon - 0.05 },
        { op: 'dates', id: 'BAK-1', closes: '2024-06-30' },
        { op: 'dates', id: 'BAK-1', closes: null },
        { op: 'close', id: 'twin', date: '2026' },
        { op: 'move', id: 'shamakhi-test', lat: 40.8, lon: 48.2 },
      ],
      [2019, 2025, 2030, 2022],
    );
    expect(n).toBe(7);
  });

  it('moves an opened facility to where it serves other people: the figures change, and still agree', () => {
    const before = fresh(dost, 2030);
    const kmBefore = Array.from(before.km('center'));
    const gub = dost.centers.find((c) => c.id === 'GUB')!;
    const e = resolveEdit({ op: 'move', id: 'GUB', lat: 40.4, lon: 47.2 }, dost, country, new Set());
    const moved = applyEdit(dost, e);
    expect(moved.centers.find((c) => c.id === 'GUB')!.region).not.toBe(gub.region);
    before.replan(moved);
    expect(Array.from(before.km('center'))).not.toEqual(kmBefore);
    expect(figures(before)).toEqual(figures(fresh(moved, 2030)));
  });

  it('over a road network (the test town): the road engine re-searches from the changed sites only, and agrees', async () => {
    const town = join(ROOT, 'tests', 'fixtures', 'roads');
    const ctx = await loadPlanContext(run, join(town, 'town-plan.yaml'), {
      population: join(town, 'town-population.csv'),
    });
    const roads = { settings: ctx.settings, points: pointColumns(ctx.demand) };
    expect(roads.settings.travel.info.type).toBe('roads');
    const n = agreeThrough(
      ctx.plan,
      [
        { op: 'add', kind: 'branch', name: 'West field', lat: 40.015, lon: 46.995, opens: '2025' },
        { op: 'move', id: 'F2', lat: 40.006, lon: 47.01 },
        { op: 'dates', id: 'F1', closes: '2026-12-31' },
        { op: 'move', id: 'west-field', lat: 40.07, lon: 47.0 },
        { op: 'remove', id: 'west-field' },
      ],
      [2025, 2027, 2026, 2024],
      roads,
    );
    expect(n).toBe(5);
  });
});
