/** The Azerbaijani refusals of the commands, renderers and analyses (refusals-en.ts has the keys). */
import type { refusalsEn } from './refusals-en.js';

export const refusalsAz: Record<keyof typeof refusalsEn, string> = {
  'refuse.bom_needs_csv': '--bom yalnız --format csv ilə işlədilir (Excel UTF-8 CSV faylını yalnız onunla düz oxuyur)',
};
