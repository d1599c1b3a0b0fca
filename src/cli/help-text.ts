/**
 * --help in the asked language. What dostplan says of itself (its description, its global options,
 * its commands' summaries) is in the catalogue (`help.*`) for every language; commander's own words
 * around it (the titles, its --help and --version lines, "(default: …)", the help command) are
 * said again here for a language other than English, whose help commander writes as it always
 * has. The options of each command keep their English descriptions for now.
 */
import { Help, type Command, type Option } from 'commander';
import type { Locale } from '../model/locale.js';

export function helpIn(program: Command, locale: Locale): void {
  if (locale.lang === 'en') return;
  const titles: Record<string, string> = {
    'Usage:': locale.t('help.usage'),
    'Options:': locale.t('help.options'),
    'Arguments:': locale.t('help.arguments'),
    'Commands:': locale.t('help.commands'),
    'Global Options:': locale.t('help.global_options'),
  };
  // commander's own options, by their long flag.
  const own: Record<string, string> = { '--help': locale.t('help.help'), '--version': locale.t('help.version') };
  program.configureHelp({
    styleTitle: (title) => titles[title] ?? title,
    subcommandDescription(cmd: Command) {
      return cmd.name() === 'help' ? locale.t('help.help') : Help.prototype.subcommandDescription.call(this, cmd);
    },
    optionDescription: (option: Option) => {
      const description = (option.long && own[option.long]) ?? option.description;
      return [description, extras(option, locale)].filter(Boolean).join(' ');
    },
  });
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
