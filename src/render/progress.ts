/**
 * A progress bar on stderr for long runs, only when stderr is a terminal (never in pipes, files
 * or CI logs). Results stay on stdout.
 */
export interface Progress {
  tick(label?: string): void;
  done(): void;
}

const silent: Progress = { tick() {}, done() {} };

export function progressBar(title: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total <= 1) return silent;
  let n = 0;
  const width = 24;
  const draw = (label: string) => {
    const full = Math.round((n / total) * width);
    stream.write(
      `\r${title} [${'#'.repeat(full)}${'.'.repeat(width - full)}] ${n}/${total} ${label}`
        .padEnd(70)
        .slice(0, (stream.columns || 80) - 1),
    );
  };
  draw('');
  return {
    tick(label = '') {
      n = Math.min(total, n + 1);
      draw(label);
    },
    done() {
      stream.write(`\r${' '.repeat(Math.min(70, (stream.columns || 80) - 1))}\r`);
    },
  };
}
