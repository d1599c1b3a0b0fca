/**
 * A message not yet written: its catalogue key and the values of its placeholders, a value being
 * text, a number, or another such message (a hint inside a finding). A finding keeps it beside its
 * English text, so a renderer can say it again in the run's language (render/diagnostics.ts).
 */
import { fill } from './messages/catalogue.js';
import { en, type MessageKey } from './messages/en.js';

export type SaidParam = string | number | Said;

export interface Said {
  key: MessageKey;
  params?: Record<string, SaidParam>;
}

export const said = (key: MessageKey, params?: Record<string, SaidParam>): Said => (params ? { key, params } : { key });

/** The message in a catalogue, its nested messages written first. */
export function sayIn(catalogue: Readonly<Record<MessageKey, string>>, s: Said): string {
  const values: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(s.params ?? {}))
    values[name] = typeof v === 'object' ? sayIn(catalogue, v) : v;
  return fill(catalogue[s.key], values);
}

/** The message in English: the text JSON output and every English run show. */
export const english = (s: Said): string => sayIn(en, s);

/** A finding's message: its English text and the message itself. */
export const told = (s: Said) => ({ message: english(s), said: s });

/** "a or b or c", as nested messages (each language joins with its own word). */
export function eitherOf(items: SaidParam[]): SaidParam {
  return items.reduce((a, b) => said('check.or', { a, b }));
}
