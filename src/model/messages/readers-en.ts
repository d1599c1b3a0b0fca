/**
 * The English refusals of the input readers (src/load: plans, tables, population files, road
 * networks): what is wrong at the place errors.ts's InputError names, and what to do. Keys start
 * with `read.`; en.ts spreads them into the catalogue.
 */
export const readersEn = {
  'read.too_many_rows': 'more than {max} rows; split the file',
} as const;
