/**
 * Errors in the run's language: a refusal given as a catalogue message (errors.ts) is printed in
 * Azerbaijani under --lang az, in English otherwise, and keeps its English text for programs
 * (findings, JSON). Numbers inside it are written the language's way.
 */
import { describe, expect, it } from 'vitest';
import { InputError, UserError } from '../src/errors.js';
import { findingsOf } from '../src/load/findings.js';
import { Locale } from '../src/model/locale.js';
import { amount, said } from '../src/model/said.js';
import { cli } from './helpers.js';

const NBSP = '\u00a0';
const az = new Locale('az');
const say = (e: UserError, locale: Locale) => e.text((s) => locale.say(s));

describe('a refusal in the run language', () => {
  it('prints a flag refusal in Azerbaijani with --lang az and in English without', () => {
    const en = cli(['coverage', '--bom']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('--bom goes with --format csv');
    const r = cli(['coverage', '--bom', '--lang', 'az']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--bom yalnız --format csv ilə işlədilir');
    expect(r.stderr).not.toContain('goes with');
  });

  it('writes the numbers of a reader refusal the language way, its place unchanged', () => {
    const e = new InputError('pop.csv', said('read.too_many_rows', { max: amount(1_000_000) }), 1);
    expect(e.message).toBe('pop.csv: more than 1,000,000 rows; split the file');
    expect(say(e, az)).toBe(`pop.csv: 1${NBSP}000${NBSP}000 sətirdən çoxdur; faylı hissələrə bölün`);
    expect(say(e, new Locale('en'))).toBe(e.message);
    expect(e.exitCode).toBe(1);
  });

  it('keeps an English-only refusal as it is in both languages', () => {
    const e = new UserError('cannot read x.yaml (ENOENT)');
    expect(say(e, az)).toBe('cannot read x.yaml (ENOENT)');
  });

  it('hands the catalogue message on to findings, English text beside it', () => {
    const e = new InputError('pop.csv:3:2', said('read.too_many_rows', { max: amount(5) }), 1);
    const [f] = findingsOf(e)!;
    expect(f).toMatchObject({ file: 'pop.csv', line: 3, column: 2, message: 'more than 5 rows; split the file' });
    expect(az.say(f!.said!)).toBe('5 sətirdən çoxdur; faylı hissələrə bölün');
  });
});
