/**
 * The interactive explorer (ink): a year slider, coverage by economic region as bars, a sortable
 * table of units and the facilities of the selected unit. 80 columns wide; the unit table grows
 * with the terminal's height (24 rows at least). The selected unit stays selected when the table
 * is re-sorted or the year changes. Keys: ←/→ year · ↑/↓ unit · s sort · q quit (the same keys in
 * every language). Words, numbers, dates and place names come in the locale's language; widths
 * count letters, as ink does, so "Şəki" takes four columns whatever its bytes.
 */
import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { useEffect, useReducer, useState } from 'react';
import type { ExploreData, ExploreFacility, ExploreRegion } from '../../analysis/explore-data.js';
import { ENGLISH, type Locale } from '../../model/locale.js';
import { groupName } from '../coverage.js';

export const SORTS = ['coverage', 'population', 'distance', 'name'] as const;
type Sort = (typeof SORTS)[number];
/** Lines besides the unit rows and the economic-region bars: header, captions, facilities, help. */
const FIXED_LINES = 7;

/** A unit's name as the table shows it, in the locale's language. */
const unitName = (r: ExploreRegion, L: Locale) => groupName(r.code, r.name, L);

function sortRegions(rows: ExploreRegion[], by: Sort, L: Locale): ExploreRegion[] {
  const cmp: Record<Sort, (a: ExploreRegion, b: ExploreRegion) => number> = {
    coverage: (a, b) => a.percent - b.percent,
    population: (a, b) => b.population - a.population,
    distance: (a, b) => (b.mean_km ?? Infinity) - (a.mean_km ?? Infinity),
    name: (a, b) => L.compare(unitName(a, L), unitName(b, L)),
  };
  return [...rows].sort((a, b) => cmp[by](a, b) || a.code.localeCompare(b.code));
}

export function bar(percent: number, width: number): string {
  const full = Math.round((percent / 100) * width);
  return '█'.repeat(full) + '░'.repeat(width - full);
}

/** What the keys change: the year shown, the sort, the selected unit (by code, so it survives a re-sort). */
interface View {
  yi: number;
  sort: Sort;
  sel: string | undefined;
}
type Key = 'left' | 'right' | 'up' | 'down' | 'sort';

/** The view after one key. */
function step(v: View, key: Key, data: ExploreData, L: Locale): View {
  if (key === 'left') return { ...v, yi: Math.max(0, v.yi - 1) };
  if (key === 'right') return { ...v, yi: Math.min(data.years.length - 1, v.yi + 1) };
  if (key === 'sort') return { ...v, sort: SORTS[(SORTS.indexOf(v.sort) + 1) % SORTS.length]! };
  const rows = sortRegions(data.years[v.yi]!.regions, v.sort, L);
  const i = Math.max(
    0,
    rows.findIndex((r) => r.code === v.sel),
  );
  return { ...v, sel: rows[Math.max(0, Math.min(rows.length - 1, i + (key === 'up' ? -1 : 1)))]?.code };
}

/**
 * `s` in `n` columns: cut with … when longer, else padded. A letter with its combining marks is one
 * column (a decomposed "Ş" too), as ink measures text.
 */
export function pad(s: string, n: number): string {
  const cells = columnsOf(s);
  return cells.length > n ? `${cells.slice(0, n - 1).join('')}…` : s + ' '.repeat(n - cells.length);
}

/** The columns of a text: each letter with the combining marks after it. */
function columnsOf(s: string): string[] {
  const cells: string[] = [];
  for (const ch of s) {
    if (cells.length > 0 && /\p{M}/u.test(ch)) cells[cells.length - 1] += ch;
    else cells.push(ch);
  }
  return cells;
}

/** `s` right-aligned in `n` columns. */
const right = (s: string, n: number) => ' '.repeat(Math.max(0, n - columnsOf(s).length)) + s;

/** `s` cut to `n` columns when longer (a line ink would otherwise wrap), else as it is. */
const cut = (s: string, n: number) => (columnsOf(s).length > n ? pad(s, n) : s);

/** The unit table's number columns: English widths, wider when a header in the language needs it. */
const NUMBER_COLUMNS = [
  ['common.population', 11],
  ['explore.covered', 9],
  ['common.mean_km', 9],
] as const;

/** ■ BAK-1 (center, 2019-05-09) / ■ BAK-1 (mərkəz, 9 may 2019). */
const facilityText = (f: ExploreFacility, isOpen: boolean, L: Locale) =>
  `${isOpen ? '■' : '□'} ${f.id} (${f.kind === 'center' || f.kind === 'branch' ? L.t(`common.${f.kind}`) : f.kind}, ${L.planDate(f.opens)})`;

/**
 * `height`: terminal rows (default: the terminal's, at least 24; tests pass one). `locale`: the
 * run's language and place names (default English).
 */
export function App({ data, height, locale: L = ENGLISH }: { data: ExploreData; height?: number; locale?: Locale }) {
  const { exit } = useApp();
  const { stdout } = useStdout();
  const [rowsAvailable, setRowsAvailable] = useState(height ?? stdout.rows ?? 24);
  useEffect(() => {
    if (height !== undefined) return;
    const onResize = () => setRowsAvailable(stdout.rows ?? 24);
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [height, stdout]);
  // One reducer for the keys: each key acts on the state the keys before it left, not on the rows
  // of the last drawn screen (s then ↑ typed in one instant moves in the new order).
  const [{ yi, sort, sel: selCode }, act] = useReducer(
    (v: View, key: Key) => step(v, key, data, L),
    undefined,
    (): View => {
      const yi = data.years.length - 1;
      return { yi, sort: 'coverage', sel: sortRegions(data.years[yi]!.regions, 'coverage', L)[0]?.code };
    },
  );
  const y = data.years[yi]!;
  const rows = sortRegions(y.regions, sort, L);
  const found = rows.findIndex((r) => r.code === selCode);
  const sel = Math.max(found, 0);
  const selected = rows[sel];
  const half = Math.ceil(y.economic.length / 2);
  // One spare line so ink never scrolls the screen.
  const ROWS = Math.max(3, Math.max(24, rowsAvailable) - FIXED_LINES - half - 1);

  useInput((input, key) => {
    if (input === 'q' || key.escape) exit();
    else if (key.leftArrow) act('left');
    else if (key.rightArrow) act('right');
    else if (key.upArrow) act('up');
    else if (key.downArrow) act('down');
    else if (input === 's') act('sort');
  });

  const first = data.years[0]!.year,
    last = data.years[data.years.length - 1]!.year;
  const slider = data.years.map((x) => (x.year === y.year ? '●' : '·')).join('');
  const open = new Set(data.openBy[y.year]);
  const here = selected ? data.facilities.filter((f) => f.region === selected.code) : [];
  const start = Math.max(0, Math.min(sel - Math.floor(ROWS / 2), rows.length - ROWS));
  const visible = rows.slice(start, start + ROWS);
  // The bars' percentages: room for "100%" / "100 %" and a space after the bar.
  const wBar = columnsOf(L.pct(100, 0)).length + 1;
  const heads = NUMBER_COLUMNS.map(([key]) => L.t(key));
  const [wPop, wCov, wKm] = NUMBER_COLUMNS.map(([, n], i) => Math.max(n, columnsOf(heads[i]!).length + 1)) as [
    number,
    number,
    number,
  ];

  return (
    <Box flexDirection="column" width={80}>
      <Text>
        <Text bold>{pad(L.planName(data.plan), 34)}</Text> ◀ <Text bold>{y.year}</Text> ▶ {first} {slider} {last}{' '}
        <Text bold>{L.pct(y.percent)}</Text>
      </Text>
      <Text dimColor>{L.t('explore.caption')}</Text>
      {Array.from({ length: half }, (_, i) => {
        const a = y.economic[i]!,
          b = y.economic[i + half];
        const cell = (g: typeof a) =>
          `${pad(L.place(g.id, g.name), 21)}${bar(g.percent, 10)}${right(L.pct(g.percent, 0), wBar)} `;
        return (
          <Text key={a.id}>
            {cell(a)}
            {b ? ` ${cell(b)}` : ''}
          </Text>
        );
      })}
      <Text
        bold
      >{`${pad(L.t('common.unit'), 24)}${right(heads[0]!, wPop)}${right(heads[1]!, wCov)}${right(heads[2]!, wKm)}   ${L.t('explore.sort', { by: L.t(`explore.sort.${sort}`) })}`}</Text>
      {visible.map((r) => {
        const isSel = r.code === selected?.code;
        return (
          <Text key={r.code} inverse={isSel}>
            {`${pad(`${r.code} ${unitName(r, L)}`, 24)}${right(L.int(r.population), wPop)}${right(L.pct(r.percent), wCov)}${right(r.mean_km === null ? '–' : L.num(r.mean_km, 1), wKm)}`}
          </Text>
        );
      })}
      <Text>
        {selected
          ? cut(
              L.t('explore.facilities_in', { unit: unitName(selected, L) }) +
                (here.length === 0 ? L.t('explore.none_planned') : ''),
              80,
            )
          : ''}
      </Text>
      <Text>{pad(here.map((f) => facilityText(f, open.has(f.id), L)).join('  '), 80)}</Text>
      <Text dimColor>{L.t('explore.mean_km_note')}</Text>
      <Text dimColor>{L.t('explore.keys')}</Text>
    </Box>
  );
}
