/** The Azerbaijani refusals of the input readers (readers-en.ts has the keys). */
import type { readersEn } from './readers-en.js';

export const readersAz: Record<keyof typeof readersEn, string> = {
  'read.too_many_rows': '{max} sətirdən çoxdur; faylı hissələrə bölün',
};
