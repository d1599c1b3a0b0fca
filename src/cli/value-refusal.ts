/**
 * A flag's value refused by its parser, in the run's language. commander prints such a refusal
 * itself ("error: option '--year <year>' argument '3000' is invalid. expected a year …") from
 * the error's English message, and drops the error; the last refusal is kept here, so that
 * another language (commander-text.ts) can say the reason again from its catalogue message.
 */
import { InvalidArgumentError } from 'commander';
import { english, type Said } from '../model/said.js';

/** A reason in any language: the message said, then trimmed as the English was. */
type Reason = (say: (s: Said) => string) => string;

let last: { english: string; reason: Reason } | undefined;

/** The error a value parser throws; `trim` is applied to the text in every language. */
export function refuseValue(s: Said, trim: (text: string) => string = (t) => t): InvalidArgumentError {
  const e = new InvalidArgumentError(trim(english(s)));
  last = { english: e.message, reason: (say) => trim(say(s)) };
  return e;
}

/** The reason commander printed as `english`, in the language `say` writes; undefined when not ours. */
export function refusedValue(englishText: string, say: (s: Said) => string): string | undefined {
  return last?.english === englishText ? last.reason(say) : undefined;
}
