/**
 * commander's own errors in the run's language. commander writes them itself, in English
 * ("error: unknown option '--fromat'"), before the run has read --lang; another language says
 * them again from the catalogue (`refuse.cli.*` in refusals-*.ts), matched by commander's words
 * (node_modules/commander/lib/command.js). A text not matched is left in English, as written.
 */
import { LANGUAGES, type Language } from '../model/language.js';
import type { Locale } from '../model/locale.js';
import { said, type Said } from '../model/said.js';
import { refusedValue } from './value-refusal.js';

/** --lang as the command line gives it (the last one wins, as commander reads it); none before `--`. */
export function languageAsked(args: readonly string[]): Language | undefined {
  let lang: Language | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    const v = a === '--lang' ? args[++i] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (v !== undefined && (LANGUAGES as readonly string[]).includes(v)) lang = v as Language;
  }
  return lang;
}

type Say = (s: Said) => string;

/** Each error commander writes, by its English words, as a catalogue message. */
const ERRORS: [RegExp, (m: string[], say: Say) => Said][] = [
  [/^error: unknown option '(.*)'$/s, (m) => said('refuse.cli.unknown_option', { option: m[1]! })],
  [/^error: unknown command '(.*)'$/s, (m) => said('refuse.cli.unknown_command', { command: m[1]! })],
  [/^error: missing required argument '(.*)'$/s, (m) => said('refuse.cli.missing_argument', { argument: m[1]! })],
  [/^error: option '(.*)' argument missing$/s, (m) => said('refuse.cli.option_missing_value', { option: m[1]! })],
  [
    /^error: option '(.+?)' argument '(.*)' is invalid\. (.*)$/s,
    (m, say) => said('refuse.cli.invalid_value', { option: m[1]!, value: m[2]!, reason: reasonOf(m[3]!, say) }),
  ],
  [
    /^error: too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\.$/s,
    (m) =>
      said('refuse.cli.too_many_arguments', {
        command: m[1]!,
        expected: m[2] === '1' ? said('refuse.cli.one_argument') : said('refuse.cli.arguments', { n: Number(m[2]) }),
        got: Number(m[3]),
      }),
  ],
];

/** Why a value was refused: commander's list of choices, or one of our parsers' reasons. */
function reasonOf(english: string, say: Say): string {
  const choices = /^Allowed choices are (.*)\.$/s.exec(english);
  if (choices) return say(said('refuse.cli.allowed_choices', { choices: choices[1]! }));
  return refusedValue(english, say) ?? english;
}

/** commander's "(Did you mean --format?)" under an unknown option or command. */
const SUGGESTION = /\n\(Did you mean (one of )?(.*)\?\)$/s;

/** An error as commander wrote it (one or two lines, a newline at the end), in the locale's language. */
export function commanderText(text: string, locale: Locale): string {
  if (locale.lang === 'en') return text;
  const say: Say = (s) => locale.say(s);
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  const hint = SUGGESTION.exec(body);
  const line = hint ? body.slice(0, hint.index) : body;
  for (const [pattern, message] of ERRORS) {
    const m = pattern.exec(line);
    if (!m) continue;
    const names = hint?.[2] ?? '';
    const suggestion = hint
      ? `\n${say(said(hint[1] ? 'refuse.cli.did_you_mean_one_of' : 'refuse.cli.did_you_mean', { names }))}`
      : '';
    return `${say(message(m, say))}${suggestion}${text.slice(body.length)}`;
  }
  return text;
}
