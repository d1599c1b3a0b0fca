/**
 * A message not yet written: its catalogue key and the values of its placeholders, a value being
 * text, a number, or another such message (a hint inside a finding). A finding keeps it beside its
 * English text, so a renderer can say it again in the run's language (render/diagnostics.ts).
 */
import { fill } from './messages/catalogue.js';
import { en, type MessageKey } from './messages/en.js';
import { decimal } from './number-text.js';

export type SaidParam = string | number | Said | Place | Amount;

/**
 * A number written in the run's language: grouped thousands, and `digits` decimals (default 0)
 * after a point in English, a comma in Azerbaijani. A plain number param is written as it is.
 */
export interface Amount {
  amount: number;
  digits?: number;
  /** English as toFixed writes it, without groups (12345.6), as a message printed it before it had a catalogue. */
  plain?: true;
}

export const amount = (x: number, digits?: number): Amount => (digits ? { amount: x, digits } : { amount: x });

/** An amount English writes ungrouped (toFixed) and Azerbaijani the Azerbaijani way (12 345,6). */
export const plainAmount = (x: number, digits?: number): Amount => ({ ...amount(x, digits), plain: true });

/** A unit or district by its code, with its English name: said in the run's language where the data has it. */
export interface Place {
  place: string;
  name: string;
}

/** How a language names a place (Locale.place); English keeps the name given. */
type Namer = (id: string, name: string) => string;
/** How a language writes an amount (Locale.num); English: 1,234.5, or 1234.5 when `plain`. */
type Writer = (x: number, digits: number, plain: boolean) => string;

export interface Said {
  key: MessageKey;
  params?: Record<string, SaidParam>;
}

export const said = (key: MessageKey, params?: Record<string, SaidParam>): Said => (params ? { key, params } : { key });

/** The message in a catalogue, its nested messages written first, its places named by `place`. */
export function sayIn(
  catalogue: Readonly<Record<MessageKey, string>>,
  s: Said,
  place: Namer = (_, name) => name,
  write: Writer = (x, digits, plain) => (plain ? x.toFixed(digits) : decimal(x, digits, 'en')),
): string {
  const values: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(s.params ?? {}))
    values[name] =
      typeof v !== 'object'
        ? v
        : 'place' in v
          ? place(v.place, v.name)
          : 'amount' in v
            ? write(v.amount, v.digits ?? 0, v.plain === true)
            : sayIn(catalogue, v, place, write);
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

/**
 * A number as a message has always written it in English (`${x}`: 0.5, 2000, 1e-7), decimals
 * written the language's way: a fraction becomes an amount with its own digits; a whole number,
 * or one JavaScript writes with an exponent, stays as it is (English unchanged to the byte).
 */
export function figure(x: number): SaidParam {
  const m = /^-?\d{1,3}\.(\d+)$/.exec(String(x));
  return m ? amount(x, m[1]!.length) : x;
}
