/**
 * One run's state: what dostplan knows for the length of one command, created by cli/main.ts and
 * handed to the loaders, the travel models and `emit`. Nothing a run learns lives in a module
 * global, so two runs in one process — two plans, two years, a server answering requests — never
 * see each other's inputs, output settings, models or messages (tests/run-context.test.ts).
 */

import type { Language } from '../model/language.js';
import type { LocalNames } from '../model/local-names.js';
import { Locale } from '../model/locale.js';
import { said, type Said } from '../model/said.js';

/** A file's identity: the same file under any name, symlink or hard link. */
export interface FileIdentity {
  dev: number | bigint;
  ino: number | bigint;
}

const identity = (st: FileIdentity) => `${st.dev}:${st.ino}`;

/**
 * The files a run read, by device and inode, with the name the user gave: --out refuses to write
 * over any of them (render/output.ts). load/text-input.ts records every user file it reads.
 */
export class InputLog {
  private readonly read = new Map<string, string>();

  record(st: FileIdentity, name: string): void {
    this.read.set(identity(st), name);
  }

  /** The input this file is, if the run read it (its name as the user gave it). */
  at(st: FileIdentity): string | undefined {
    return this.read.get(identity(st));
  }

  get size(): number {
    return this.read.size;
  }
}

export interface RunOptions {
  /** Where messages for the person running go (the CLI: stderr, one line each, `dostplan: ` first). */
  message?: (line: string) => void;
  /** Called once, when the run turns out long (the CLI: V8 back to its default budget; load/long-run.ts). */
  onLongRun?: () => void;
  /** --bom: a CSV result starts with a UTF-8 byte-order mark. */
  bom?: boolean;
  /** --lang: the language of what people read (else the plan's `language:`, else English). */
  lang?: Language;
}

export class RunContext {
  readonly inputs = new InputLog();
  /** --bom (CSV only): the result starts with a UTF-8 byte-order mark. */
  bom: boolean;
  private long = false;
  private language: Language;
  private languageChosen: boolean;
  private readonly memo = new Map<string, unknown>();
  private placeNames?: () => LocalNames;

  constructor(private readonly o: RunOptions = {}) {
    this.bom = o.bom ?? false;
    this.language = o.lang ?? 'en';
    this.languageChosen = o.lang !== undefined;
  }

  /** The language of what people read: results in human formats, messages, errors. */
  get lang(): Language {
    return this.language;
  }

  /** --lang: chosen by the person running, above any plan's `language:`. */
  chooseLanguage(lang: Language): void {
    this.language = lang;
    this.languageChosen = true;
  }

  /** A plan's `language:`, taken when --lang was not given (the first plan a run loads decides). */
  planLanguage(lang: Language | undefined): void {
    if (!lang || this.languageChosen) return;
    this.language = lang;
    this.languageChosen = true;
  }

  /**
   * The place names of what the run has loaded (its country, then its plan), made only when a
   * message in another language than English needs them: errors then name "AZ-BA (Bakı)".
   */
  knowPlaces(make: () => LocalNames): void {
    let names: LocalNames | undefined;
    this.placeNames = () => (names ??= make());
  }

  /**
   * The run's language, with the place names it knows: what its errors and messages are said in.
   * Before the country's data is loaded (or when it could not be) places keep the names given.
   */
  locale(): Locale {
    return new Locale(this.language, this.language === 'en' ? undefined : this.placeNames?.());
  }

  /** A line for the person running (stderr in the CLI), e.g. "note: reading the road network …". */
  message(line: string): void {
    this.o.message?.(line);
  }

  /** A note for the person running, in the run's language: "note: reading the road network …". */
  note(s: Said): void {
    this.message(this.say(said('note.note', { note: s })));
  }

  /** A message in the run's language, places named in it. */
  say(s: Said): string {
    return this.locale().say(s);
  }

  /** Whether this run has been found long: a population file, a road network, a big input. */
  get isLong(): boolean {
    return this.long;
  }

  /** From here on the run is long (the CLI lets V8 optimise at its default pace). */
  expectLong(): void {
    if (this.long) return;
    this.long = true;
    this.o.onLongRun?.();
  }

  /**
   * What this run has already loaded under `key` (a country's data, a road network), else
   * `make()`, kept for the rest of the run: diff and --compare ask twice, and read once.
   */
  remember<T>(key: string, make: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = make();
    this.memo.set(key, value);
    return value;
  }
}
