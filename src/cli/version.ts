/** dostplan's version, as package.json says (tests/provenance.test.ts checks they agree). */
export const VERSION = '0.1.0';
