/** Escaping control characters is pure text work, so it lives in the core (model/printable.ts) where load can use it too. */
export { oneLine, printable } from '../model/printable.js';
