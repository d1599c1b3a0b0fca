/**
 * --help in the asked language. What dostplan says of itself (its description, its global options,
 * its commands' summaries, and each command's arguments and options, described as commands/*.ts
 * declare them) is in the catalogue (`help.*`, help-*.ts) for every language; commander's own words
 * around it (the titles, the usage line's `[options]` and `[command]`, its --help and --version
 * lines, "(default: …)", the help command) are said again here for a language other than English,
 * whose help commander writes as it always has.
 */
import { Help, type Command, type Option } from 'commander';
import type { Locale } from '../model/locale.js';
import type { MessageKey } from '../model/messages/en.js';

/** A catalogue message without placeholders: one of commander's words. */
type HelpWord = Extract<MessageKey, `help.${string}`>;

export function helpIn(program: Command, locale: Locale): void {
  if (locale.lang === 'en') return;
  const titles = wordsFor(locale, {
    'Usage:': 'help.usage',
    'Options:': 'help.options',
    'Arguments:': 'help.arguments',
    'Commands:': 'help.commands',
    'Global Options:': 'help.global_options',
  });
  // commander's own options, by their long flag.
  const own = wordsFor(locale, { '--help': 'help.help', '--version': 'help.version' });
  const layout = wordsFor(locale, { '[options]': 'help.layout.options', '[command]': 'help.layout.command' });
  const placeholders = (line: string) =>
    line
      .split(' ')
      .map((word) => layout[word] ?? word)
      .join(' ');
  program.configureHelp({
    styleTitle: (title) => titles[title] ?? title,
    commandUsage(cmd: Command) {
      return placeholders(Help.prototype.commandUsage.call(this, cmd));
    },
    subcommandTerm(cmd: Command) {
      return placeholders(Help.prototype.subcommandTerm.call(this, cmd));
    },
    subcommandDescription(cmd: Command) {
      return cmd.name() === 'help' ? locale.t('help.help') : Help.prototype.subcommandDescription.call(this, cmd);
    },
    optionDescription: (option: Option) => {
      const description = (option.long && own[option.long]) ?? option.description;
      return [description, extras(option, locale)].filter(Boolean).join(' ');
    },
  });
}

/** commander's English words, each said in the locale by its catalogue key. */
function wordsFor(locale: Locale, keys: Record<string, HelpWord>): Record<string, string> {
  return Object.fromEntries(Object.entries(keys).map(([english, key]) => [english, locale.t(key)]));
}

/** commander's "(choices: …, default: …)" after a description, in the locale's words (as Help.optionDescription). */
function extras(option: Option, locale: Locale): string {
  const info: string[] = [];
  if (option.argChoices)
    info.push(`${locale.t('help.choices')}: ${option.argChoices.map((c) => JSON.stringify(c)).join(', ')}`);
  const shown = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
  if (option.defaultValue !== undefined && shown)
    info.push(`${locale.t('help.default')}: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`);
  return info.length ? `(${info.join(', ')})` : '';
}
