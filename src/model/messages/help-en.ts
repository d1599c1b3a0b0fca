/**
 * The English the option and argument descriptions of each command's own --help (keys help.opt.* / help.arg.* and the words of commander's help layout). en.ts spreads them into the catalogue; help-az.ts has every key.
 */
export const helpEn = {} as const;
