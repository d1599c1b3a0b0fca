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
  // A pty that reports no size (script, docker -t, some CI runners) says 0 columns: treat it as unknown.
  const columns = () => stream.columns || 80;
  const draw = (label: string) => {
    const full = Math.round((n / total) * width);
    stream.write(
      `\r${title} [${'#'.repeat(full)}${'.'.repeat(width - full)}] ${n}/${total} ${label}`
        .padEnd(70)
        .slice(0, columns() - 1),
    );
  };
  draw('');
  return {
    tick(label = '') {
      n = Math.min(total, n + 1);
      draw(label);
    },
    done() {
      stream.write(`\r${' '.repeat(Math.min(70, columns() - 1))}\r`);
    },
  };
}
