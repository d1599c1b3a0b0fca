/** The Azerbaijani the lines for the person running, written on stderr (keys note.*): notes on how an input was read, the server's status lines (notes-en.ts has the keys). */
import type { notesEn } from './notes-en.js';

export const notesAz: Record<keyof typeof notesEn, string> = {};
