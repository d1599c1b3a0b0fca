/**
 * Follows the plan's files on disk (the plan, and a scenario's bases): when one changes — an
 * editor's save, `git checkout` — the session reads the plan again. fs.watch on the folders (an
 * editor that saves by renaming replaces the file, which a watch on the file itself would lose),
 * debounced so that a save in several writes is read once; and a poll of each file's size, mtime
 * and inode as a fallback where fs.watch says nothing (network and container file systems).
 */
import { type FSWatcher, statSync, watch } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Session } from './session.js';
import { UserError } from '../errors.js';
import { said } from '../model/said.js';

export interface WatchOptions {
  /** Quiet time after the last event before the plan is read again. */
  debounceMs?: number;
  /** How often the files' stats are compared, whatever fs.watch says. */
  pollMs?: number;
  /** Called after each reload (tests wait on it). */
  onReload?: () => void;
  /** Runs the reload in turn with the server's requests (RunningServer.serial), so none sees half of it. */
  serial?: <T>(f: () => Promise<T>) => Promise<T>;
}

export interface PlanWatcher {
  close(): void;
  /** Compares the files' stats now and reloads if they changed. */
  check(): Promise<void>;
}

const stamp = (file: string): string => {
  try {
    const st = statSync(file);
    return `${st.ino}:${st.size}:${st.mtimeMs}`;
  } catch {
    return 'missing';
  }
};

export function watchPlan(session: Session, o: WatchOptions = {}): PlanWatcher {
  const debounceMs = o.debounceMs ?? 150;
  let stamps = new Map(session.files.map((f) => [f, stamp(f)]));
  let watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;

  const follow = () => {
    for (const w of watchers) w.close();
    const names = new Set(session.files.map((f) => basename(f)));
    watchers = [...new Set(session.files.map((f) => dirname(f)))].flatMap((dir) => {
      try {
        const w = watch(dir, { persistent: false }, (_event, name) => {
          if (name === null || names.has(name.toString())) later();
        });
        w.on('error', () => undefined); // the folder went away: the poll still sees the files
        return [w];
      } catch {
        return [];
      }
    });
  };

  const later = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void check(), debounceMs);
    timer.unref();
  };

  const check = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    const now = new Map(session.files.map((f) => [f, stamp(f)]));
    const changed = [...now].some(([f, s]) => stamps.get(f) !== s) || now.size !== stamps.size;
    if (!changed || closed) return;
    running = (async () => {
      try {
        await (o.serial ? o.serial(() => session.reload()) : session.reload());
      } catch (e) {
        const reason = e instanceof UserError ? e.text((s) => session.run.say(s)) : String((e as Error)?.message);
        session.run.message(session.run.say(said('note.serve.reread_failed', { reason })));
      }
      stamps = new Map(session.files.map((f) => [f, stamp(f)]));
      follow(); // a scenario may now have other bases
      o.onReload?.();
    })();
    await running;
    running = undefined;
    if (again) {
      again = false;
      await check();
    }
  };

  follow();
  const poll = setInterval(() => void check(), o.pollMs ?? 1000);
  poll.unref();
  return {
    check,
    close() {
      closed = true;
      clearTimeout(timer);
      clearInterval(poll);
      for (const w of watchers) w.close();
    },
  };
}
