/**
 * What a user's population file gave, in words: read on stderr by the person running the command,
 * and appended to text / Markdown reports so that no figure is read without it.
 */
import { ENGLISH, type Locale } from '../model/locale.js';
import { type PopulationSource, populationSaids } from '../model/population-source.js';
import { mdText } from './markdown-text.js';
import { type Column, markdownTable } from './table.js';

/** Appended to text and Markdown reports: the summary, and with --scale-to the factor of every unit. */
export function populationSection(s: PopulationSource, markdown: boolean, L: Locale = ENGLISH): string {
  const title = L.t('closing.population_source');
  const n = (x: number) => L.int(x);
  // English writes a factor as computed (1.0234); other languages with their decimal mark.
  const factor = (f: number | null) =>
    f === null ? '–' : L.lang === 'en' ? String(f) : L.num(f, (String(f).split('.')[1] ?? '').length);
  const name = (u: { code: string; name: string }) => L.unitName(u.code) ?? u.name;
  const out = [
    '',
    markdown ? `## ${title}` : title,
    '',
    ...populationSaids(s).map((said) => {
      const l = L.say(said);
      // The file's name is the user's: Markdown text, not markup.
      return markdown ? `- ${mdText(l)}` : `  ${l}`;
    }),
  ];
  if (s.scale) {
    out.push('');
    if (markdown) {
      const columns: Column[] = [
        { header: L.t('common.unit') },
        { header: L.t('common.name') },
        { header: L.t('population.col_grid'), align: 'right' },
        { header: L.t('population.col_official'), align: 'right' },
        { header: L.t('population.col_factor'), align: 'right' },
      ];
      const rows = s.scale.units.map((u) => [u.code, name(u), n(u.grid), n(u.official), factor(u.factor)]);
      out.push(markdownTable(columns, rows));
    } else {
      out.push(
        `  ${L.t('common.unit').padEnd(8)} ${L.t('common.name').padEnd(22)} ` +
          `${L.t('population.col_grid').padStart(11)} ${L.t('population.col_official').padStart(11)} ` +
          L.t('population.col_factor').padStart(7),
      );
      for (const u of s.scale.units)
        out.push(
          `  ${u.code.padEnd(8)} ${name(u).slice(0, 22).padEnd(22)} ${n(u.grid).padStart(11)} ` +
            `${n(u.official).padStart(11)} ${factor(u.factor).padStart(7)}`,
        );
    }
  }
  return `${out.join('\n')}\n`;
}
