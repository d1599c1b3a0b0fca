/** Renders a result in the chosen format and writes it to stdout or --out. */
import type { RunContext } from '../run/run-context.js';
import { writeBinaryResult, writeResult } from './output.js';
import type { About, OutputKind, Outputs } from './outputs.js';
import { render } from './registry.js';
import { styleFor } from './style.js';
import { Locale } from '../model/locale.js';

/**
 * `about`: what the figures rest on (a user's population file, how they were made), which every
 * format states its own way.
 */
export async function emit<K extends OutputKind>(
  run: RunContext,
  kind: K,
  output: Outputs[K],
  o: { format: string; out?: string },
  about: About = {},
): Promise<void> {
  const stream = o.out ? undefined : process.stdout;
  const style = stream ? styleFor(stream) : styleFor({ isTTY: false } as NodeJS.WriteStream);
  const locale = new Locale(run.lang, about.names);
  const result = await render(kind, o.format, output, { style, locale, ...about });
  if (typeof result === 'string') writeResult(run, result, o.out);
  else writeBinaryResult(run, result, o.out, `--format ${o.format}`);
}
