/**
 * Notes for the person running (stderr): catalogue messages (keys note.*, messages/notes-en.ts)
 * built by the analyses and readers, said in the run's language by whoever prints them
 * (RunContext.note); English where a result keeps them for programs (JSON).
 */
import { said, type Said } from './said.js';

/** "a; b; c" of messages: the parts of one note (each language writes its own words inside); none: undefined. */
export function partsOf(items: readonly (Said | undefined)[]): Said | undefined {
  const parts = items.filter((s): s is Said => s !== undefined);
  return parts.length ? parts.reduce((a, b) => said('note.parts', { a, b })) : undefined;
}

/** A share already in percent as English always wrote it in a note, "72.2%" (Azerbaijani: "72,2 %"). */
export const percentSaid = (x: number, digits = 1): Said =>
  said('note.percent', { x: { amount: x, digits, plain: true } });
