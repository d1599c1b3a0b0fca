import { join } from 'node:path';
import type { Command } from 'commander';
import type { Locale } from '../../model/locale.js';
import { EXIT, UserError } from '../../errors.js';
import { said } from '../../model/said.js';
import { refuseValue } from '../value-refusal.js';
import { PACKAGE_ROOT } from '../../load/package-root.js';
import { writeStdout } from '../../render/output.js';
import { isLoopback } from '../../serve/security.js';
import { startServer } from '../../serve/server.js';
import { Session } from '../../serve/session.js';
import { watchPlan } from '../../serve/watch.js';
import { localeOf } from '../../serve/run-locale.js';
import { ENGLISH } from '../../model/locale.js';
import type { CommandSpec } from '../command.js';
import { addModelOptions, modelFlags, type ModelOptions } from '../options.js';
import { planAbout } from '../provenance.js';

interface Opts extends ModelOptions {
  port: number;
  host: string;
}

function port(value: string): number {
  const n = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 0 && n <= 65535)) throw refuseValue(said('refuse.value.port'));
  return n;
}

export const command: CommandSpec<Opts> = {
  declare(cmd: Command, L: Locale) {
    cmd
      .argument('[plan]', L.t('help.arg.plan'))
      .option('-p, --port <port>', L.t('help.opt.serve.port'), port, 8765)
      .option('--host <address>', L.t('help.opt.serve.host'), '127.0.0.1');
    addModelOptions(cmd, L);
  },
  async run([planArg], o, run) {
    if (o.out) throw new UserError(said('refuse.serve_no_out'));
    if (!isLoopback(o.host)) throw new UserError(said('refuse.serve_loopback', { host: o.host }));
    const session = await Session.open(run, planArg, modelFlags(o));
    let server: Awaited<ReturnType<typeof startServer>>;
    try {
      server = await startServer({
        session,
        about: planAbout,
        host: o.host === 'localhost' ? '127.0.0.1' : o.host.replace(/^\[(.*)\]$/, '$1'),
        port: o.port,
        webDir: join(PACKAGE_ROOT, 'dist', 'web'),
      });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new UserError(said('refuse.port_in_use', { port: o.port }));
      if (code === 'EACCES') throw new UserError(said('refuse.port_privileged', { port: o.port }));
      throw e;
    }
    const watcher = watchPlan(session, { serial: server.serial });
    writeStdout(`${server.url}\n`);
    const L = localeOf(session.context) ?? ENGLISH;
    run.message(L.t('studio.serving', { plan: L.planName(session.plan.name) }));
    await stopSignal();
    watcher.close();
    await server.close();
    return EXIT.ok;
  },
};

/** Resolves on Ctrl-C (SIGINT) or SIGTERM: the server then closes cleanly and the command exits 0. */
function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
