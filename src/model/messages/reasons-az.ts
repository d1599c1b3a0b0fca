/** The Azerbaijani reasons written by libraries said again in our words, and positions written as words (keys reason.* and where.*) (reasons-en.ts has the keys). */
import type { reasonsEn } from './reasons-en.js';

export const reasonsAz: Record<keyof typeof reasonsEn, string> = {
  'where.list': '{a}, {b}',
};
