/**
 * The English reasons written by libraries said again in our words, and positions written as words (keys reason.* and where.*). en.ts spreads them into the catalogue; reasons-az.ts has every key.
 */
export const reasonsEn = {
  // Places and lists inside messages.
  'where.list': '{a}, {b}',
} as const;
