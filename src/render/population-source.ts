/**
 * What a user's population file gave, in words: read on stderr by the person running the command,
 * and appended to text / Markdown reports so that no figure is read without it.
 */
import { ENGLISH, type Locale } from '../model/locale.js';
import { type PopulationSource, populationSummary } from '../model/population-source.js';
import { mdText } from './markdown-text.js';
import { type Column, markdownTable } from './table.js';

const n = (x: number) => Math.round(x).toLocaleString('en-US');

/** Appended to text and Markdown reports: the summary, and with --scale-to the factor of every unit. */
export function populationSection(s: PopulationSource, markdown: boolean, L: Locale = ENGLISH): string {
  const title = L.t('closing.population_source');
  const out = [
    '',
    markdown ? `## ${title}` : title,
    '',
    ...populationSummary(s).map((l) =>
      // The file's name is the user's: Markdown text, not markup.
      markdown ? `- ${mdText(l.replace(/^population: /, ''))}` : `  ${l.replace(/^population: /, '')}`,
    ),
  ];
  if (s.scale) {
    out.push('');
    if (markdown) {
      const columns: Column[] = [
        { header: 'unit' },
        { header: 'name' },
        { header: 'grid', align: 'right' },
        { header: 'official', align: 'right' },
        { header: 'factor', align: 'right' },
      ];
      const rows = s.scale.units.map((u) => [u.code, u.name, n(u.grid), n(u.official), String(u.factor ?? '–')]);
      out.push(markdownTable(columns, rows));
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
