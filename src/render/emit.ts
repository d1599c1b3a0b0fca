/** Renders a result in the chosen format and writes it to stdout or --out. */
import type { OutputKind, Outputs } from './outputs.js';
import { writeResult } from './output.js';
import { render } from './registry.js';
import { styleFor } from './style.js';

export function emit<K extends OutputKind>(kind: K, output: Outputs[K], o: { format: string; out?: string }, inputs: string[] = []): void {
  const stream = o.out ? undefined : process.stdout;
  const text = render(kind, o.format, output, { style: stream ? styleFor(stream) : styleFor({ isTTY: false } as NodeJS.WriteStream) });
  writeResult(text, o.out, inputs);
}
