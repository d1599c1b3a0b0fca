/** Renders a result in the chosen format and writes it to stdout or --out. */
import type { PopulationSource } from '../model/population-source.js';
import type { RunContext } from '../run/run-context.js';
import type { OutputKind, Outputs } from './outputs.js';
import { withPopulationSource } from './population-source.js';
import { writeResult } from './output.js';
import { render } from './registry.js';
import { styleFor } from './style.js';

/** `population`: a user's population file, stated under text/Markdown reports and in JSON (`population_source`). */
export function emit<K extends OutputKind>(
  run: RunContext,
  kind: K,
  output: Outputs[K],
  o: { format: string; out?: string },
  population?: PopulationSource,
): void {
  const stream = o.out ? undefined : process.stdout;
  const text = withPopulationSource(
    render(kind, o.format, output, {
      style: stream ? styleFor(stream) : styleFor({ isTTY: false } as NodeJS.WriteStream),
    }),
    o.format,
    population,
  );
  writeResult(run, text, o.out);
}
