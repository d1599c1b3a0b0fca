/**
 * What a user's population file gave, in words: read on stderr by the person running the command,
 * and appended to text / Markdown reports so that no figure is read without it.
 */
import { type PopulationSource, WINDOW_MARGIN_DEG } from '../model/population-source.js';
import { printable } from './printable.js';

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const FORMAT_NAMES: Record<PopulationSource['format'], string> = {
  geotiff: 'GeoTIFF raster',
  geopackage: 'GeoPackage (H3 cells)',
  'h3-csv': 'CSV of H3 cells',
  'points-csv': 'CSV points',
  geojson: 'GeoJSON points',
};

/** One short paragraph (stderr and the top of the Markdown section). */
export function populationSummary(s: PopulationSource): string[] {
  const lines = [
    `population: ${s.file} (${FORMAT_NAMES[s.format]}${s.crs ? `, ${s.crs}` : ''}): ${n(s.cells.total)} cells, ` +
      `${n(s.cells.populated)} populated, ${n(s.cells.empty)} empty, ${n(s.cells.nodata)} nodata`,
    ...(s.window
      ? [
          `population: read the ${n(s.window.read[0])} × ${n(s.window.read[1])} cells over the country (and ` +
            `${WINDOW_MARGIN_DEG}° around it) of a ${n(s.window.raster[0])} × ${n(s.window.raster[1])}-cell raster`,
        ]
      : []),
    `population: ${n(s.outside.cells)} populated cells (${n(s.outside.population)} people) in the sea or abroad, ` +
      `not counted; ${n(s.inside_population)} people inside, assigned by ${s.assignment}`,
  ];
  if (s.resolution_km !== null)
    lines.push(`population: merged into ${s.resolution_km} km blocks: ${n(s.points)} points`);
  if (s.scale) {
    lines.push(
      `population: scaled to official ${s.scale.year} ${s.scale.basis} unit populations: ` +
        `grid ${n(s.scale.grid_total)} → official ${n(s.scale.official_total)} (factor ${s.scale.factor})`,
    );
    const missing = s.scale.units.filter((u) => u.factor === null);
    if (missing.length)
      lines.push(`population: not scaled (no cells or no official figure): ${missing.map((u) => u.code).join(', ')}`);
    // A grid counts residents, the official figures registered people: where they differ by 2× or
    // more (displaced people registered at home, a grid that misses a town) the factor inflates or
    // empties a few cells, and the planner should know which units.
    const far = s.scale.units.filter((u) => u.factor !== null && (u.factor >= 2 || u.factor <= 0.5));
    if (far.length)
      lines.push(
        'population: factors of 2 or more (or ½ or less), check these units: ' +
          far.map((u) => `${u.code} ×${u.factor}`).join(', '),
      );
  }
  return lines;
}

/** For stderr, one line each, prefixed like every other message. */
export function populationNote(s: PopulationSource): string {
  return populationSummary(s)
    .map((l) => `dostplan: ${printable(l)}\n`)
    .join('');
}

/** Appended to text and Markdown reports: the summary, and with --scale-to the factor of every unit. */
export function populationSection(s: PopulationSource, markdown: boolean): string {
  const out = [
    '',
    markdown ? '## Population source' : 'Population source',
    '',
    ...populationSummary(s).map((l) =>
      markdown ? `- ${l.replace(/^population: /, '')}` : `  ${l.replace(/^population: /, '')}`,
    ),
  ];
  if (s.scale) {
    out.push('');
    if (markdown) {
      out.push('| unit | name | grid | official | factor |', '|---|---|---:|---:|---:|');
      for (const u of s.scale.units)
        out.push(`| ${u.code} | ${u.name} | ${n(u.grid)} | ${n(u.official)} | ${u.factor ?? '–'} |`);
    } else {
      out.push(
        `  ${'unit'.padEnd(8)} ${'name'.padEnd(22)} ${'grid'.padStart(11)} ${'official'.padStart(11)} ` +
          'factor'.padStart(7),
      );
      for (const u of s.scale.units)
        out.push(
          `  ${u.code.padEnd(8)} ${u.name.slice(0, 22).padEnd(22)} ${n(u.grid).padStart(11)} ` +
            `${n(u.official).padStart(11)} ${String(u.factor ?? '–').padStart(7)}`,
        );
    }
  }
  return `${out.join('\n')}\n`;
}

/** Adds the section to a text/Markdown/HTML report, or a `population_source` key to a JSON one. */
export function withPopulationSource(text: string, format: string, s: PopulationSource | undefined): string {
  if (!s) return text;
  if (format === 'json') {
    const obj = JSON.parse(text) as Record<string, unknown>;
    return JSON.stringify({ ...obj, population_source: s }, null, 2);
  }
  if (format === 'text' || format === 'md') return text.replace(/\n*$/, '\n') + populationSection(s, format === 'md');
  if (format === 'html' && text.includes('<footer>')) {
    const esc = (x: string) => x.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const body = populationSection(s, false).replace(/^\nPopulation source\n\n/, '');
    return text.replace(
      '<footer>',
      `<h2 id="population-source">Population source</h2>\n<pre>${esc(body)}</pre>\n<footer>`,
    );
  }
  return text;
}
