/**
 * A run's language for what people read: its messages (messages/), its numbers and dates
 * (number-text.ts) and its place names (local-names.ts), in one object renderers take. The run
 * context chooses the language (`--lang`, a plan's `language:`); nothing here is global.
 */
import type { Language } from './language.js';
import { type Params, fill } from './messages/catalogue.js';
import { az } from './messages/az.js';
import { type EnglishCatalogue, type MessageKey, en } from './messages/en.js';
import { decimal, integer, isoDateText, percent, share, dayText, upperCase, yearOrdinal } from './number-text.js';
import { type LocalNames, PLAN_NAME_ID } from './local-names.js';
import { type Said, sayIn } from './said.js';
import { compareText } from './compare-text.js';
import { compareAzerbaijani } from './azerbaijani-order.js';

const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, az };

/** The catalogue of a language (for the tests that compare them). */
export const catalogue = (lang: Language): Readonly<Record<MessageKey, string>> => CATALOGUES[lang];

export class Locale {
  constructor(
    readonly lang: Language,
    private readonly names?: LocalNames,
  ) {}

  /** The message `key`, its placeholders filled. */
  t<K extends MessageKey>(key: K, ...params: Params<EnglishCatalogue[K]>): string {
    return fill(CATALOGUES[this.lang][key], params[0] as Record<string, string | number> | undefined);
  }

  /** A message kept as key and values (a finding's), in this language. */
  say(s: Said): string {
    return sayIn(
      CATALOGUES[this.lang],
      s,
      (id, name) => this.place(id, name),
      (x, digits, plain) => (plain && this.lang === 'en' ? x.toFixed(digits) : decimal(x, digits, this.lang)),
    );
  }

  /** 1,234,567 / 1 234 567 */
  int(x: number): string {
    return integer(x, this.lang);
  }

  /**
   * 12.5 / 12,5 (with `digits` decimals). English keeps toFixed's form, ungrouped, as its outputs
   * always printed it; Azerbaijani groups thousands.
   */
  num(x: number, digits: number): string {
    return this.lang === 'en' && Number.isFinite(x) ? x.toFixed(digits) : decimal(x, digits, this.lang);
  }

  /** A value already in percent: 72.2% / 72,2 %. */
  pct(x: number, digits = 1): string {
    return percent(x, digits, this.lang);
  }

  /** A share 0–1 as a percentage. */
  share(x: number, digits = 1): string {
    return share(x, digits, this.lang);
  }

  /** "1 January 2030" / "1 yanvar 2030". */
  day(year: number, month: number, day: number): string {
    return dayText(year, month, day, this.lang);
  }

  /** An ISO date in words (YYYY-MM-DD, YYYY-MM or YYYY). */
  date(iso: string): string {
    return isoDateText(iso, this.lang);
  }

  /** Upper case in this language (Azerbaijani: i → İ). */
  upper(s: string): string {
    return upperCase(s, this.lang);
  }

  /** A plan's date as the plan wrote it (English: 2023-12-31, as in the file), Azerbaijani: 31 dekabr 2023. */
  planDate(iso: string): string {
    return this.lang === 'en' ? iso : isoDateText(iso, this.lang);
  }

  /** Alphabetical order of names in this language (root collation / the Azerbaijani alphabet). */
  compare(a: string, b: string): number {
    return this.lang === 'az' ? compareAzerbaijani(a, b) : compareText(a, b);
  }

  /** A year before the word for "year": 2030 / 2030-cu. */
  yearOrd(year: number): string {
    return yearOrdinal(year, this.lang);
  }

  /**
   * The name of a unit, economic region, Baku district or facility by its id, in this language:
   * the Azerbaijani name where the data or the plan has one, else the name given.
   */
  place(id: string, name: string): string {
    if (this.lang === 'en') return name;
    return this.names?.azerbaijani(id, name) ?? name;
  }

  /** The plan's name in this language (its `name_az`), given its English name. */
  planName(name: string): string {
    // `timeline --compare announced` names its plan B "<plan> (as announced)" and `--delay` names it
    // "<plan> (delayed: B-TAR +6m)" (analysis/scenario.ts).
    const delayed = /^(.*) \(delayed: ([^()]*)\)$/.exec(name);
    if (delayed && this.lang !== 'en')
      return this.t('plan.delayed', { name: this.planName(delayed[1]!), delays: delayed[2]! });
    const announced = / \(as announced\)$/.exec(name);
    if (announced && this.lang !== 'en')
      return this.t('plan.as_announced', { plan: this.planName(name.slice(0, announced.index)) });
    return this.place(PLAN_NAME_ID, name);
  }

  /**
   * A place name an analysis composed in English (analysis/place-names.ts): "near Qarayeri
   * (Samukh)", "rural Samukh, Yasamal", "Masazır (4 km NE)", said again in this language.
   */
  placeText(name: string): string {
    if (this.lang === 'en') return name;
    const unit = (where: string) =>
      where
        .split(', ')
        .map((w) => this.names?.ofEnglishName(w) ?? w)
        .join(', ');
    const near = /^near (.*) \(([^()]*)\)$/.exec(name);
    if (near) return this.t('place.near', { place: unit(near[1]!), unit: unit(near[2]!) });
    const rural = /^rural (.*)$/.exec(name);
    if (rural) return this.t('place.rural', { unit: unit(rural[1]!) });
    const off = /^(.*) \((\d+) km (N|NE|E|SE|S|SW|W|NW)\)$/.exec(name);
    if (off)
      return this.t('place.off', {
        place: unit(off[1]!),
        km: off[2]!,
        direction: this.t(`compass.${off[3] as 'N'}`),
      });
    // A site named after its unit's seat ("Lankaran"): the unit's name in this language.
    return unit(name);
  }

  /** A unit's name by its code alone (a column of codes beside English names). */
  unitName(code: string): string | undefined {
    return this.lang === 'en' ? undefined : this.names?.anyAzerbaijani(code);
  }

  /** A threshold as describeThreshold writes it ("≤ 30 km and ≤ 45 min"), in this language. */
  threshold(s: string): string {
    if (this.lang === 'en') return s;
    return s
      .replace(/(\d)\.(\d)/g, '$1,$2')
      .replace(/ and /g, ` ${this.t('common.and')} `)
      .replace(/ min\b/g, ` ${this.t('common.min')}`)
      .replace(/^none$/, this.t('common.none'))
      .replace(/\bcenter\b/g, this.t('common.center'))
      .replace(/\bbranch\b/g, this.t('common.branch'));
  }
}

/** English, without place names: the default of every renderer. */
export const ENGLISH = new Locale('en');
