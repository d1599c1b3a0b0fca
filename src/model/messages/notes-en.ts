/**
 * The English the lines for the person running, written on stderr (keys note.*): notes on how an input was read, the server's status lines. en.ts spreads them into the catalogue; notes-az.ts has every key.
 */
export const notesEn = {} as const;
