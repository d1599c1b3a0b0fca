/**
 * The English refusals of the commands, renderers and analyses (a UserError given as a catalogue
 * message, errors.ts): a flag that does not fit, an output that cannot be written. Keys start
 * with `refuse.`; en.ts spreads them into the catalogue. The readers' refusals are in readers-en.ts.
 */
export const refusalsEn = {
  'refuse.bom_needs_csv': '--bom goes with --format csv (Excel reads UTF-8 CSV right only with it)',
} as const;
