/**
 * `dostplan import`: a facility list (CSV, a workbook made here or by openpyxl, GeoJSON) becomes
 * a plan identical to the hand-written one; blanks are filled from where each facility stands,
 * every guess marked; the result passes validate; importing an updated list into the plan
 * changes only the lines of what changed; bad lists stop at their position.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VERSION } from '../src/cli/version.js';
import { describe, expect, it } from 'vitest';
import { slug } from '../src/analysis/import-facilities.js';
import { dateOf } from '../src/load/facility-list.js';
import { cli, FIXTURES } from './helpers.js';
import { xlsx } from './xlsx-writer.js';

const IN = join(FIXTURES, 'inputs');
const DIR = mkdtempSync(join(tmpdir(), 'dostplan-import-'));
const save = (name: string, data: string | Buffer) => {
  const p = join(DIR, name);
  writeFileSync(p, data);
  return p;
};
// The plan names the version that wrote it (its provenance): the fixture is of 0.1.0.
const hand = readFileSync(join(IN, 'facilities-plan.yaml'), 'utf8').replace('dostplan 0.1.0', `dostplan ${VERSION}`);
// What the hand-written plan serves (and import guesses from where each stands, without a serves column).
const GAN_SERVES = 'AZ-GA, AZ-NA, AZ-DAS, AZ-GOR, AZ-GYG, AZ-SMX';
const TOV_SERVES = 'AZ-TOV, AZ-AGA, AZ-GAD, AZ-QAZ, AZ-SKR';
const SERVES: Record<string, string> = { GAN: GAN_SERVES, TOV: TOV_SERVES, SMX: 'AZ-SMX', AGA: 'AZ-AGA' };
const importIn = (cwd: string, ...args: string[]) => cli(['import', ...args], { cwd });

describe('a complete list round-trips to the hand-written plan', () => {
  it('from the CSV: byte for byte, and it validates', () => {
    const r = importIn(IN, 'facilities-full.csv', '--name', 'Ganja and Tovuz');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(hand);
    const v = cli(['validate', join(IN, 'facilities-plan.yaml')]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('0 errors');
  });

  it('from a workbook made here: numbers, a date serial (44317 = 2021-05-01), the sheet named', () => {
    const header = ['id', 'name', 'kind', 'lat', 'lon', 'region', 'opens', 'closes', 'status', 'center', 'serves'];
    const rows = [
      [
        'GAN',
        'Ganja DOST center',
        'center',
        40.6828,
        46.3606,
        'AZ-GA',
        44317,
        undefined,
        'open',
        undefined,
        GAN_SERVES,
      ],
      [
        'TOV',
        'Tovuz DOST center',
        'center',
        40.9925,
        45.6284,
        'AZ-TOV',
        '2023-03',
        undefined,
        'open',
        undefined,
        TOV_SERVES,
      ],
      ['SMX', 'Samukh branch', 'branch', 40.765, 46.408, 'AZ-SMX', 2025, undefined, 'planned', 'GAN', 'AZ-SMX'],
      ['AGA', 'Agstafa branch', 'branch', 41.1189, 45.4539, 'AZ-AGA', '15.09.2024', 2026, 'closed', 'TOV', 'AZ-AGA'],
    ];
    save(
      'facilities-full.xlsx',
      xlsx([
        { name: 'Cover', rows: [['DOST']] },
        { name: 'List', rows: [header, ...rows] },
      ]),
    );
    const r = importIn(DIR, 'facilities-full.xlsx', '--sheet', 'List', '--name', 'Ganja and Tovuz');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(hand.replace('facilities-full.csv', 'facilities-full.xlsx'));
  });

  it('from a workbook written by openpyxl (a real date cell; no serves column: the same serves, guessed)', () => {
    const r = importIn(IN, 'facilities-openpyxl.xlsx', '--name', 'Ganja and Tovuz');
    expect(r.code).toBe(0);
    // Each facility serves what the hand-written plan gives it, marked as a guess.
    const guesses = r.stdout.match(/^ {4}serves: .*# guessed: .*$/gm) ?? [];
    expect(guesses).toEqual([
      `    serves: [${GAN_SERVES}]  # guessed: AZ-GA, where it stands; AZ-NA, AZ-DAS, AZ-GOR, AZ-GYG, AZ-SMX, with no center of their own, nearest it in the economic region`,
      `    serves: [${TOV_SERVES}]  # guessed: AZ-TOV, where it stands; AZ-AGA, AZ-GAD, AZ-QAZ, AZ-SKR, with no center of their own, nearest it in the economic region`,
      '    serves: [AZ-SMX]  # guessed: AZ-SMX, where it stands',
      '    serves: [AZ-AGA]  # guessed: AZ-AGA, where it stands',
    ]);
    const body = (s: string) =>
      s
        .split('\n')
        .filter((l) => !l.startsWith('#'))
        .map((l) => l.replace(/ {2}# guessed: .*$/, ''))
        .join('\n');
    expect(body(r.stdout)).toBe(body(hand));
  });

  it('from GeoJSON points', () => {
    const features = [
      ['GAN', 'Ganja DOST center', 'center', 40.6828, 46.3606, 'AZ-GA', '2021-05-01', undefined, 'open'],
      ['TOV', 'Tovuz DOST center', 'center', 40.9925, 45.6284, 'AZ-TOV', '2023-03', undefined, 'open'],
      ['SMX', 'Samukh branch', 'branch', 40.765, 46.408, 'AZ-SMX', 2025, undefined, 'planned', 'GAN'],
      ['AGA', 'Agstafa branch', 'branch', 41.1189, 45.4539, 'AZ-AGA', '2024-09-15', 2026, 'closed', 'TOV'],
    ].map(([id, name, kind, lat, lon, region, opens, closes, status, center]) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: { id, name, kind, region, opens, closes, status, center, serves: SERVES[id as string] },
    }));
    save('facilities-full.geojson', JSON.stringify({ type: 'FeatureCollection', features }));
    const r = importIn(DIR, 'facilities-full.geojson', '--name', 'Ganja and Tovuz');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(hand.replace('facilities-full.csv', 'facilities-full.geojson'));
  });
});

describe('blanks filled in, each guess marked', () => {
  // The semicolon list: decimal commas, Azerbaijani kinds and statuses, DD.MM.YYYY, blanks.
  const r = importIn(IN, 'facilities.csv', '--as-of', '2025-01-01', '--name', 'DOST list');

  it('writes a plan that validates (exit 0)', () => {
    expect(r.code).toBe(0);
    const plan = save('guessed.yaml', r.stdout);
    const v = cli(['validate', plan]);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('0 errors');
    expect(r.stderr).toContain('read as semicolon-separated; decimal commas (first: lat on line 2)');
  });

  it('marks each value the list did not give', () => {
    const lines = r.stdout.split('\n');
    expect(lines).toContain('  - id: tovuz-dost-merkezi  # guessed: made from the name');
    expect(lines).toContain('    region: AZ-TOV  # guessed: the unit it stands in');
    expect(lines).toContain('    status: open  # guessed: from the dates, as of 2025-01-01');
    // Samukh branch at (40.765, 46.408), Ganja center at (40.6828, 46.3606): 9.1 km north, 4.0 km east.
    expect(lines).toContain('    center: GAN  # guessed: the nearest center, 10.0 km away');
    expect(lines).toContain('    center: tovuz-dost-merkezi  # guessed: the center of that name in the list');
    expect(lines).toContain("    opens: 2023-03  # guessed: no opening date in the list; its center's");
    expect(lines).toContain('    evidence: { date: assumption }');
    // What the list says is kept as written: 01.05.2021 is 2021-05-01, açıq is open.
    expect(r.stdout).toContain('    status: open\n    opens: 2021-05-01\n');
  });

  it('makes ids from Azerbaijani names', () => {
    expect(slug('Gəncə DOST mərkəzi №1')).toBe('gence-dost-merkezi-1');
    expect(slug('Şəki — Ağdaş')).toBe('seki-agdas');
  });

  it('reads dates as people write them, and refuses an order it cannot tell', () => {
    expect(
      ['2021', '2021-5', '2021-05-01', '1.5.2021', '15/09/2024', '09.2024', '2024-09-15T00:00:00'].map(dateOf),
    ).toEqual([2021, '2021-05', '2021-05-01', '2021-05-01', '2024-09-15', '2024-09', '2024-09-15']);
    expect(dateOf('03/04/2024')).toBeUndefined();
    expect(dateOf('31.02.2024')).toBeUndefined();
    expect(dateOf(44317)).toBe('2021-05-01');
  });
});

describe('an updated list imported into the plan: a clean diff', () => {
  it('leaves the rest of the plan byte for byte and changes only what the list changed', () => {
    const plan = save(
      'network.yaml',
      [
        '# Our network, kept by hand above the facilities.',
        'name: Our network',
        'years: { from: 2021, to: 2030 }',
        'standards:',
        '  center: { within_km: 30 }  # the ministry standard',
        'centers:',
        '  - { id: OLD, name: Old, region: AZ-GA, location: { lat: 40.68, lon: 46.36 }, status: open, opens: 2021 }',
        '',
        'targets:',
        '  - { by: 2030, centers: 3 }',
        '',
      ].join('\n'),
    );
    const list = readFileSync(join(IN, 'facilities-full.csv'), 'utf8');
    // The same file, as kept and updated by the ministry.
    const first = importIn(DIR, save('list.csv', list), '--into', plan);
    expect(first.code).toBe(0);
    const p1 = save('network-1.yaml', first.stdout);
    expect(first.stdout.startsWith('# Our network, kept by hand above the facilities.\nname: Our network\n')).toBe(
      true,
    );
    expect(first.stdout).toContain('\n\ntargets:\n  - { by: 2030, centers: 3 }\n');
    expect(first.stdout).not.toContain('OLD');
    expect(cli(['validate', p1]).code).toBe(0);
    // The updated list: Tovuz opens two months later, and a new branch.
    const updated = `${list.replace('2023-03', '2023-05')}KAZ,Gazakh branch,branch,41.0925,45.3656,AZ-QAZ,2026,,planned,TOV,AZ-QAZ\n`;
    const second = importIn(DIR, save('list.csv', updated), '--into', p1);
    expect(second.code).toBe(0);
    const before = first.stdout.split('\n'),
      after = second.stdout.split('\n');
    const removed = before.filter((l) => !after.includes(l));
    const added = after.filter((l) => !before.includes(l));
    expect(removed).toEqual(['    opens: 2023-03']);
    expect(added).toEqual([
      '    opens: 2023-05',
      '  - id: KAZ',
      '    name: Gazakh branch',
      '    region: AZ-QAZ',
      '    location: { lat: 41.0925, lon: 45.3656 }',
      '    opens: 2026',
      '    serves: [AZ-QAZ]',
    ]);
    // The new branch's other lines (status: planned, center: TOV) repeat lines already there.
    expect(after.length - before.length).toBe(8);
    // A plan without branches: gets the block at its end.
    expect(second.stdout.endsWith('    opens: 2026\n    center: TOV\n    serves: [AZ-QAZ]\n')).toBe(true);
  });
});

describe('bad lists: exit 1, a position, what to do, no stack trace', () => {
  const header = 'id,name,kind,lat,lon,region,opens,status\n';
  // Every refusal at file:line:column, the column the cell's character column (not its field number).
  const cases: [string, string, string][] = [
    ['an unknown kind', 'A,a,kiosk,40.6,46.3,AZ-GA,2021,open\n', ':2:5: kind: expected center or branch'],
    ['a latitude past the pole', 'A,a,center,140.6,46.3,AZ-GA,2021,open\n', ':2:12: lat: must be a number within ±90'],
    [
      'text for a coordinate',
      'A,a,center,north,46.3,AZ-GA,2021,open\n',
      ':2:12: lat: not a number; write decimal degrees',
    ],
    [
      'a date of no known form',
      'A,a,center,40.6,46.3,AZ-GA,03/04/2021,open\n',
      ':2:28: opens: expected a date as YYYY',
    ],
    [
      'an unknown status',
      'A,a,center,40.6,46.3,AZ-GA,2021,maybe\n',
      ':2:33: status: expected open, under_construction',
    ],
    [
      'an unknown status after a name of Azerbaijani letters in quotes',
      'A,"Ağdam, Şəki",center,40.6,46.3,AZ-GA,2021,maybe\n',
      ':2:45: status: expected open, under_construction',
    ],
    [
      'two rows with one id (at the second id, like every other refusal)',
      'A,a,center,40.6,46.3,AZ-GA,2021,open\nA,b,center,40.7,46.3,AZ-GA,2021,open\n',
      ':3:1: id A is also the id on line 2',
    ],
    [
      'a place abroad with no region (at its lat cell)',
      'A,a,center,46.3,40.6,,2021,open\n',
      ':2:12: stands outside the country (lat 46.3, lon 40.6) and has no region; check the coordinates (lat and lon swapped?)',
    ],
    ['a quote never closed', 'A,"a,center,40.6,46.3,AZ-GA,2021,open\n', ':2:3: a quote that is never closed'],
  ];
  for (const [what, row, message] of cases)
    it(what, () => {
      const p = save(`${what.replace(/\W+/g, '-')}.csv`, header + row);
      const r = cli(['import', p]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${p}${message}`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    });

  it('a GeoJSON list: a duplicate id, a bad status and broken JSON at their line and column', () => {
    const feature = (id: string, status: string) =>
      `  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [46.3, 40.6]},\n` +
      `   "properties": {"id": "${id}", "kind": "center", "status": "${status}"}}`;
    const list = (...f: string[]) => `{"type": "FeatureCollection", "features": [\n${f.join(',\n')}\n]}\n`;
    const dup = save('dup.geojson', list(feature('A', 'open'), feature('A', 'open')));
    expect(cli(['import', dup]).stderr).toBe(
      `dostplan: ${dup}:5:25: id A is also the id on features[0]; give each facility its own id\n`,
    );
    const status = save('status.geojson', list(feature('A', 'open'), feature('B', 'maybe')));
    expect(cli(['import', status]).stderr).toContain(`${status}:5:58: status: expected open`);
    const broken = save('broken.geojson', list(feature('A', 'open')).replace('"kind"', 'kind'));
    const r = cli(['import', broken]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`dostplan: ${broken}:3:30: not valid JSON: expected a property name in double quotes\n`);
  });

  it('a missing column: the columns the list has and the likely mapping', () => {
    const p = save('renamed.csv', 'Kod,Ad,Latitude,Longitude\nA,a,40.6,46.3\n');
    const r = cli(['import', p]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "missing column 'lat', missing column 'lon'; the file's columns are Kod, Ad, Latitude, Longitude; if that is Latitude for lat, Longitude for lon, add --columns lat=Latitude,lon=Longitude",
    );
    const ok = cli(['import', p, '--columns', 'id=Kod,name=Ad,lat=Latitude,lon=Longitude', '--as-of', '2025-01-01']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('  - id: A\n    name: a\n    region: AZ-GYG  # guessed: the unit it stands in\n');
  });
});

describe('serves: filled from where each facility stands, each guess marked (issue 30)', () => {
  const header = 'id,name,kind,lat,lon,opens,center\n';
  const gan = 'GAN,Ganja center,center,40.6828,46.3606,2021,\n';
  const tov = 'TOV,Tovuz center,center,40.9925,45.6284,2022,\n';
  const branch = 'SMX,Samukh branch,branch,40.765,46.408,2023,GAN\n';

  it('a second import of an updated list (a new center in Shamkir) changes only the serves it moves', () => {
    const list = save('plain.csv', header + gan + tov + branch);
    const first = importIn(DIR, list, '--as-of', '2025-01-01', '--name', 'N');
    expect(first.code).toBe(0);
    const p1 = save('plain-1.yaml', first.stdout);
    expect(cli(['validate', '--strict', p1]).stdout).toContain('0 errors, 0 warnings');
    expect(first.stdout).toContain(
      `    serves: [${TOV_SERVES}]  # guessed: AZ-TOV, where it stands; AZ-AGA, AZ-GAD, AZ-QAZ, AZ-SKR, with no center of their own, nearest it in the economic region\n`,
    );
    save('plain.csv', `${header}${gan}${tov}SKR,Shamkir center,center,40.8297,46.0189,2023,\n${branch}`);
    const second = importIn(DIR, list, '--as-of', '2025-01-01', '--into', p1);
    expect(second.code).toBe(0);
    const before = first.stdout.split('\n'),
      after = second.stdout.split('\n');
    // The plan's own lines stay; the blocks' key lines say where they came from.
    expect(before.filter((l) => !after.includes(l))).toEqual([
      'centers:',
      `    serves: [${TOV_SERVES}]  # guessed: AZ-TOV, where it stands; AZ-AGA, AZ-GAD, AZ-QAZ, AZ-SKR, with no center of their own, nearest it in the economic region`,
      'branches:',
    ]);
    expect(after.filter((l) => !before.includes(l))).toEqual([
      `centers:  # imported from ${list} by dostplan ${VERSION} import`,
      '    serves: [AZ-TOV, AZ-AGA, AZ-QAZ]  # guessed: AZ-TOV, where it stands; AZ-AGA, AZ-QAZ, with no center of their own, nearest it in the economic region',
      '  - id: SKR',
      '    name: Shamkir center',
      '    region: AZ-SKR  # guessed: the unit it stands in',
      '    location: { lat: 40.8297, lon: 46.0189 }',
      // Gadabay's seat (40.57 N, 45.81 E) is 33 km from Shamkir's center, 49 km from Tovuz's.
      '    serves: [AZ-SKR, AZ-GAD]  # guessed: AZ-SKR, where it stands; AZ-GAD, with no center of their own, nearest it in the economic region',
      `branches:  # imported from ${list} by dostplan ${VERSION} import`,
    ]);
    expect(cli(['validate', '--strict', save('plain-2.yaml', second.stdout)]).stdout).toContain('0 errors, 0 warnings');
  });

  it('the capital by district: each of its 12 districts served once, by the nearest of its centers', () => {
    const baku = save(
      'baku.csv',
      `${header}B1,Yasamal center,center,40.3780,49.8110,2021,\nB2,Surakhani center,center,40.4330,50.0100,2022,\nB3,Second Yasamal center,center,40.3790,49.8120,2023,\n`,
    );
    const r = importIn(DIR, baku, '--as-of', '2025-01-01', '--name', 'Baku');
    expect(r.code).toBe(0);
    const served = [...r.stdout.matchAll(/^ {4}serves: \[(.*)\]/gm)].flatMap((m) => m[1]!.split(', '));
    expect(served.filter((c) => c.startsWith('AZ-BA/')).sort()).toEqual(
      [
        'binagadi',
        'garadagh',
        'khatai',
        'khazar',
        'narimanov',
        'nasimi',
        'nizami',
        'pirallahi',
        'sabail',
        'sabunchu',
        'surakhani',
        'yasamal',
      ].map((d) => `AZ-BA/${d}`),
    );
    // Two centers in Yasamal: the one nearer the district's seat serves it; the other is told why it serves none.
    expect(r.stdout).toMatch(/# guessed: AZ-BA\/yasamal, where it stands, is served by B3, nearer its seat; /);
    const v = cli(['validate', save('baku.yaml', r.stdout)]);
    expect(v.stdout).toContain('0 errors');
    expect(v.stdout).not.toContain('served-twice');
  });
});
