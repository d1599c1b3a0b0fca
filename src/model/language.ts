/**
 * The languages dostplan writes for people (`--lang`, a plan's `language:`). English is the
 * default; Azerbaijani is for the planners at DOST and the ministry (issue 27). What programs read
 * — JSON, CSV column names, GeoJSON keys — stays English whatever the language.
 */
export const LANGUAGES = ['en', 'az'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (s: string): s is Language => (LANGUAGES as readonly string[]).includes(s);
