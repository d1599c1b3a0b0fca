/**
 * Which files a plan may name. A plan in a pull request is untrusted input, and the README's CI
 * step runs it in a checkout: a path in the plan (extends, population, distance_model.roads,
 * distance_model.roads_profile) must stay inside the plan's repository — the nearest folder above
 * the plan holding `.git` — with symbolic links followed, so `../../etc/passwd`, `/dev/zero` or a
 * committed link to ~/.ssh cannot be read. Outside a git checkout there is no repository to leave
 * and any path is allowed. A file outside is still usable from the command line (--population,
 * --roads, --roads-profile): the person typing the command chose it, the plan did not.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

/** The plan's repository root (realpath), or undefined outside a git checkout. */
export function repositoryOf(planAbs: string): string | undefined {
  let dir = realOrLexical(dirname(planAbs));
  for (;;) {
    if (existsSync(join(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** The repository a path written in the plan leaves, if it leaves one. */
export function outsideRepository(planAbs: string, target: string): string | undefined {
  const root = repositoryOf(planAbs);
  if (root === undefined) return undefined;
  const rel = relative(root, realOrLexical(resolve(dirname(planAbs), target)));
  return rel.startsWith('..') || isAbsolute(rel) ? root : undefined;
}

/** realpath of a path, or of its nearest existing parent joined with the rest (a missing file is reported elsewhere). */
function realOrLexical(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    const up = dirname(p);
    return up === p ? p : join(realOrLexical(up), relative(up, p));
  }
}
