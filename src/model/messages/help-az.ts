/** The Azerbaijani the option and argument descriptions of each command's own --help (keys help.opt.* / help.arg.* and the words of commander's help layout) (help-en.ts has the keys). */
import type { helpEn } from './help-en.js';

export const helpAz: Record<keyof typeof helpEn, string> = {};
