/**
 * What the catalogues share: a message is a template whose `{name}` placeholders are filled when it
 * is written. The English catalogue (en.ts) defines the keys and, through its literal types, the
 * placeholders each key takes; every other language has every key with the same placeholders
 * (tests/messages.test.ts).
 */

/** The placeholder names of a template: 'In {year}, {share}' → 'year' | 'share'. */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

export type Params<S extends string> = [Placeholders<S>] extends [never]
  ? []
  : [params: Record<Placeholders<S>, string | number>];

/** The placeholders of a template, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g)].map((m) => m[1]!))];
}

/** Fills a template; a placeholder without a value stays as written, so a gap shows in a test. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g, (all, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : all,
  );
}
