/**
 * Reads the car profile: the documented default (data/roads/car-profile.yaml, read once per
 * process) and a user's override file, with file:line:column for anything wrong in it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { UserError } from '../../errors.js';
import type { RunContext } from '../../run/run-context.js';
import { Profile, ProfileOverride, overrideProfile } from '../../travel/roads/profile.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { decodeText, readUserFile } from '../text-input.js';
import { parseYaml } from '../yaml-source.js';
import { zodFindings } from '../zod-findings.js';

export const DEFAULT_PROFILE_FILE = join(PACKAGE_ROOT, 'data', 'roads', 'car-profile.yaml');

function readYaml(
  run: RunContext,
  path: string,
  display: string,
): { value: unknown; locate: ReturnType<typeof parseYaml>['locate'] } {
  const decoded = decodeText(readUserFile(run, path));
  if (!decoded.ok) throw new UserError(`${display}:${decoded.line}:${decoded.column}: ${decoded.message}`, 1);
  const src = parseYaml(decoded.text, display);
  const first = src.diagnostics[0];
  if (first) throw new UserError(`${first.file}:${first.line}:${first.column}: ${first.message}`, 1);
  return { value: src.value, locate: src.locate };
}

function parseWith<T>(run: RunContext, schema: z.ZodType<T>, path: string, display: string): T {
  const { value, locate } = readYaml(run, path, display);
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const f = zodFindings(parsed.error, schema, value)[0]!;
  const at = locate(f.path, f.atKey);
  throw new UserError(`${at.file}:${at.line}:${at.column}: ${f.message} (road profile)`, 1);
}

/** The default car profile (read once per run), with the user's overrides from `overrideFile` when given. */
export function loadProfile(run: RunContext, overrideFile?: string): Profile {
  const base = run.remember('road-profile', () =>
    Profile.parse(parseYaml(readFileSync(DEFAULT_PROFILE_FILE, 'utf8'), DEFAULT_PROFILE_FILE).value),
  );
  if (!overrideFile) return base;
  return overrideProfile(base, parseWith(run, ProfileOverride, overrideFile, overrideFile), overrideFile);
}
