/**
 * Reads a travel profile: the documented default for driving (data/roads/car-profile.yaml) or
 * walking (data/roads/walk-profile.yaml), read once per run, and a user's override file, with
 * file:line:column for anything wrong in it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { InputError } from '../../errors.js';
import { type Said, said } from '../../model/said.js';
import type { RunContext } from '../../run/run-context.js';
import { Profile, ProfileOverride, overrideProfile } from '../../travel/roads/profile.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { decodeText, readUserFile } from '../text-input.js';
import { parseYaml } from '../yaml-source.js';
import { zodFindings } from '../zod-findings.js';

export const DEFAULT_PROFILE_FILE = join(PACKAGE_ROOT, 'data', 'roads', 'car-profile.yaml');

/** The built-in profiles a run or a plan chooses by name (`--mode`, `distance_model.mode`). */
export const TRAVEL_MODES = {
  car: DEFAULT_PROFILE_FILE,
  walk: join(PACKAGE_ROOT, 'data', 'roads', 'walk-profile.yaml'),
} as const;
export type TravelMode = keyof typeof TRAVEL_MODES;

function readYaml(
  run: RunContext,
  path: string,
  display: string,
): { value: unknown; locate: ReturnType<typeof parseYaml>['locate'] } {
  const decoded = decodeText(readUserFile(run, path));
  if (!decoded.ok) throw new InputError(`${display}:${decoded.line}:${decoded.column}`, decoded.said, 1);
  const src = parseYaml(decoded.text, display);
  const first = src.diagnostics[0];
  // A YAML tag's message names the tag; a profile may be any file a plan names, so it is not quoted.
  if (first) {
    const message: Said | string =
      first.code === 'yaml-tag' ? said('read.profile.yaml_tag') : (first.said ?? first.message);
    throw new InputError(`${first.file}:${first.line}:${first.column}`, message, 1);
  }
  return { value: src.value, locate: src.locate };
}

function parseWith<T>(run: RunContext, schema: z.ZodType<T>, path: string, display: string): T {
  const { value, locate } = readYaml(run, path, display);
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  // The profile file may be any file a plan names: its values are not quoted back.
  const f = zodFindings(parsed.error, schema, value, { quote: false })[0]!;
  const at = locate(f.path, f.atKey);
  throw new InputError(
    `${at.file}:${at.line}:${at.column}`,
    said('read.profile.finding', { finding: f.said ?? f.message }),
    1,
  );
}

/** The mode's default profile (read once per run), with the user's overrides from `overrideFile` when given. */
export function loadProfile(run: RunContext, overrideFile?: string, mode: TravelMode = 'car'): Profile {
  const file = TRAVEL_MODES[mode];
  const base = run.remember(`road-profile\0${mode}`, () =>
    Profile.parse(parseYaml(readFileSync(file, 'utf8'), file).value),
  );
  if (!overrideFile) return base;
  return overrideProfile(base, parseWith(run, ProfileOverride, overrideFile, overrideFile), overrideFile);
}
