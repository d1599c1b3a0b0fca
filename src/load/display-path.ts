/**
 * How a file's name appears in messages: relative to the working directory when the file is
 * inside it (what the user typed, usually), else absolute (`../../dev/zero` helps nobody).
 */
import { isAbsolute, relative, resolve } from 'node:path';

export function displayPath(path: string, cwd = process.cwd()): string {
  const abs = resolve(cwd, path);
  const rel = relative(cwd, abs);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
}
