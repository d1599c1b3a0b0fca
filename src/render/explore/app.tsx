/**
 * The interactive explorer (ink): a year slider, coverage by economic region as bars, a sortable
 * table of units and the facilities of the selected unit. 80 columns wide; the unit table grows
 * with the terminal's height (24 rows at least). The selected unit stays selected when the table
 * is re-sorted or the year changes. Keys: ←/→ year · ↑/↓ unit · s sort · q quit.
 */
import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { useEffect, useState } from 'react';
import type { ExploreData, ExploreRegion } from '../../analysis/explore-data.js';

export const SORTS = ['coverage', 'population', 'distance', 'name'] as const;
type Sort = (typeof SORTS)[number];
/** Lines besides the unit rows and the economic-region bars: header, captions, facilities, help. */
const FIXED_LINES = 7;

function sortRegions(rows: ExploreRegion[], by: Sort): ExploreRegion[] {
  const cmp: Record<Sort, (a: ExploreRegion, b: ExploreRegion) => number> = {
    coverage: (a, b) => a.percent - b.percent,
    population: (a, b) => b.population - a.population,
    distance: (a, b) => (b.mean_km ?? Infinity) - (a.mean_km ?? Infinity),
    name: (a, b) => a.name.localeCompare(b.name),
  };
  return [...rows].sort((a, b) => cmp[by](a, b) || a.code.localeCompare(b.code));
}

export function bar(percent: number, width: number): string {
  const full = Math.round((percent / 100) * width);
  return '█'.repeat(full) + '░'.repeat(width - full);
}

const pad = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));

/** `height`: terminal rows (default: the terminal's, at least 24; tests pass one). */
export function App({ data, height }: { data: ExploreData; height?: number }) {
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
  const [yi, setYi] = useState(data.years.length - 1);
  const [sort, setSort] = useState<Sort>('coverage');
  const [selCode, setSelCode] = useState<string | undefined>(
    () => sortRegions(data.years[data.years.length - 1]!.regions, 'coverage')[0]?.code,
  );
  const y = data.years[yi]!;
  const rows = sortRegions(y.regions, sort);
  const found = rows.findIndex((r) => r.code === selCode);
  const sel = Math.max(found, 0);
  const selected = rows[sel];
  const half = Math.ceil(y.economic.length / 2);
  // One spare line so ink never scrolls the screen.
  const ROWS = Math.max(3, Math.max(24, rowsAvailable) - FIXED_LINES - half - 1);

  useInput((input, key) => {
    if (input === 'q' || key.escape) exit();
    else if (key.leftArrow) setYi((i) => Math.max(0, i - 1));
    else if (key.rightArrow) setYi((i) => Math.min(data.years.length - 1, i + 1));
    else if (key.upArrow || key.downArrow) {
      // Functional update: keys pressed faster than renders each move one row.
      setSelCode((code) => {
        const i = Math.max(
          0,
          rows.findIndex((r) => r.code === code),
        );
        return rows[Math.max(0, Math.min(rows.length - 1, i + (key.upArrow ? -1 : 1)))]?.code;
      });
    } else if (input === 's') setSort((s) => SORTS[(SORTS.indexOf(s) + 1) % SORTS.length]!);
  });

  const first = data.years[0]!.year,
    last = data.years[data.years.length - 1]!.year;
  const slider = data.years.map((x) => (x.year === y.year ? '●' : '·')).join('');
  const open = new Set(data.openBy[y.year]);
  const here = selected ? data.facilities.filter((f) => f.region === selected.code) : [];
  const start = Math.max(0, Math.min(sel - Math.floor(ROWS / 2), rows.length - ROWS));
  const visible = rows.slice(start, start + ROWS);

  return (
    <Box flexDirection="column" width={80}>
      <Text>
        <Text bold>{pad(data.plan, 34)}</Text> ◀ <Text bold>{y.year}</Text> ▶ {first} {slider} {last}{' '}
        <Text bold>{y.percent.toFixed(1)}%</Text>
      </Text>
      <Text dimColor>Coverage by economic region (within the standard of an open center or branch)</Text>
      {Array.from({ length: half }, (_, i) => {
        const a = y.economic[i]!,
          b = y.economic[i + half];
        const cell = (g: typeof a) => `${pad(g.name, 21)}${bar(g.percent, 10)}${g.percent.toFixed(0).padStart(4)}% `;
        return (
          <Text key={a.id}>
            {cell(a)}
            {b ? ` ${cell(b)}` : ''}
          </Text>
        );
      })}
      <Text
        bold
      >{`${pad('unit', 24)}${'population'.padStart(11)}${'covered'.padStart(9)}${'mean km'.padStart(9)}   sort: ${sort}`}</Text>
      {visible.map((r) => {
        const isSel = r.code === selected?.code;
        return (
          <Text key={r.code} inverse={isSel}>
            {`${pad(`${r.code} ${r.name}`, 24)}${r.population.toLocaleString('en-US').padStart(11)}${`${r.percent.toFixed(1)}%`.padStart(9)}${(r.mean_km === null ? '–' : r.mean_km.toFixed(1)).padStart(9)}`}
          </Text>
        );
      })}
      <Text>{selected ? `Facilities in ${selected.name}: ${here.length === 0 ? 'none planned' : ''}` : ''}</Text>
      <Text>
        {pad(here.map((f) => `${open.has(f.id) ? '■' : '□'} ${f.id} (${f.kind}, ${f.opens})`).join('  '), 80)}
      </Text>
      <Text dimColor>mean km: population-weighted, to the nearest open center or branch (model km)</Text>
      <Text dimColor>←/→ year ↑/↓ unit s sort q quit ■ open □ not yet open</Text>
    </Box>
  );
}
