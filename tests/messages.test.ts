/**
 * The message catalogues and the one formatting module: every key in every language with the same
 * placeholders, and numbers and dates the Azerbaijani way (docs/glossary.md), worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../src/model/language.js';
import { Locale, catalogue } from '../src/model/locale.js';
import { placeholdersOf } from '../src/model/messages/catalogue.js';
import { en } from '../src/model/messages/en.js';
import { decimal, integer, isoDateText, monthName, percent, yearOrdinal } from '../src/model/number-text.js';
import { localNames } from '../src/model/local-names.js';

const NBSP = '\u00A0';

describe('catalogues', () => {
  const keys = Object.keys(en).sort();
  for (const lang of LANGUAGES) {
    it(`${lang} has every key of the English catalogue, and no other`, () => {
      expect(Object.keys(catalogue(lang)).sort()).toEqual(keys);
    });
    it(`${lang} uses the same placeholders as English in every message`, () => {
      const differ = keys.filter(
        (k) =>
          placeholdersOf(catalogue(lang)[k as keyof typeof en])
            .sort()
            .join() !==
          placeholdersOf(en[k as keyof typeof en])
            .sort()
            .join(),
      );
      expect(differ).toEqual([]);
    });
    it(`${lang} has no empty message`, () => {
      expect(keys.filter((k) => catalogue(lang)[k as keyof typeof en].trim() === '')).toEqual([]);
    });
  }

  it('fills placeholders and leaves a missing one visible', () => {
    const L = new Locale('az');
    expect(L.t('coverage.total', { covered: '1', population: '2', share: '50 %' })).toBe(
      'Cəmi: 2 nəfərdən 1 nəfər əhatə olunub (50 %)',
    );
    // @ts-expect-error: a missing placeholder is a type error; at run time it shows as written.
    expect(L.t('coverage.total', { covered: '1' })).toContain('{population}');
  });

  it('Azerbaijani messages differ from the English ones (none left untranslated by copying)', () => {
    const same = Object.keys(en).filter((k) => {
      const e = en[k as keyof typeof en];
      // Words the two languages share: units, "plan", numbers-only templates.
      return e === catalogue('az')[k as keyof typeof en] && /[a-z]{4,}/.test(e.replace(/\{[^}]*\}/g, ''));
    });
    // "plan" is an Azerbaijani word too.
    expect(same.sort()).toEqual(['provenance.plan']);
  });
});

describe('numbers the Azerbaijani way (decimal comma, space between thousands, "72,2 %")', () => {
  it('groups thousands with a no-break space and writes a decimal comma', () => {
    expect(integer(10253647, 'az')).toBe(`10${NBSP}253${NBSP}647`);
    expect(integer(10253647, 'en')).toBe('10,253,647');
    expect(decimal(1234.56, 1, 'az')).toBe(`1${NBSP}234,6`);
    expect(decimal(0.3, 1, 'az')).toBe('0,3');
    expect(decimal(999, 0, 'az')).toBe('999');
    expect(decimal(-1234.5, 1, 'az')).toBe(`-1${NBSP}234,5`);
  });
  it('never writes minus zero, NaN or Infinity', () => {
    expect(decimal(-0.04, 1, 'az')).toBe('0,0');
    expect(decimal(Number.NaN, 1, 'az')).toBe('–');
    expect(decimal(Number.POSITIVE_INFINITY, 0, 'en')).toBe('–');
  });
  it('puts a no-break space before the percent sign in Azerbaijani only', () => {
    expect(percent(72.2, 1, 'az')).toBe(`72,2${NBSP}%`);
    expect(percent(72.2, 1, 'en')).toBe('72.2%');
    expect(percent(100, 1, 'az')).toBe(`100,0${NBSP}%`);
  });
  it('agrees with the English int() of render/table.ts on every magnitude', () => {
    for (const x of [0, 7, 42, 999, 1000, 12345, 999999, 1e6, 123456789, -5000])
      expect(integer(x, 'en')).toBe(Math.round(x).toLocaleString('en-US'));
  });
});

describe('dates the Azerbaijani way', () => {
  it('names the months in lower case', () => {
    expect(Array.from({ length: 12 }, (_, i) => monthName(i + 1, 'az')).join(' ')).toBe(
      'yanvar fevral mart aprel may iyun iyul avqust sentyabr oktyabr noyabr dekabr',
    );
    expect(isoDateText('2030-01-01', 'az')).toBe('1 yanvar 2030');
    expect(isoDateText('2021-08-15', 'en')).toBe('15 August 2021');
    expect(isoDateText('2025-09', 'az')).toBe('sentyabr 2025');
  });
  it('gives a year its ordinal suffix by vowel harmony', () => {
    const cases: [number, string][] = [
      [2019, '2019-cu'], // doqquz → doqquzuncu
      [2020, '2020-ci'], // iyirmi → iyirminci
      [2021, '2021-ci'], // bir → birinci
      [2023, '2023-cü'], // üç → üçüncü
      [2024, '2024-cü'], // dörd → dördüncü
      [2026, '2026-cı'], // altı → altıncı
      [2030, '2030-cu'], // otuz → otuzuncu
      [2040, '2040-cı'], // qırx → qırxıncı
      [2100, '2100-cü'], // yüz → yüzüncü
      [2000, '2000-ci'], // min → mininci
    ];
    for (const [y, s] of cases) expect(yearOrdinal(y, 'az')).toBe(s);
    expect(yearOrdinal(2030, 'en')).toBe('2030');
  });
});

describe('place names', () => {
  const dataset = {
    base_year: 2024,
    years: [2024],
    national: {},
    economic_regions: [{ id: 'baku', name_en: 'Baku', name_az: 'Bakı' }],
    regions: [],
    baku_districts: [{ id: 'yasamal', name_en: 'Yasamal', name_az: 'Yasamal' }],
  } as never;
  it('takes the Azerbaijani name only for the place the English name belongs to', () => {
    const names = localNames(dataset, [{ id: 'baku', name: 'Baku DOST No. 1', name_az: '1 saylı Bakı DOST mərkəzi' }]);
    const L = new Locale('az', names);
    expect(L.place('baku', 'Baku')).toBe('Bakı');
    expect(L.place('baku', 'Baku DOST No. 1')).toBe('1 saylı Bakı DOST mərkəzi');
    expect(L.place('baku', 'Somewhere else')).toBe('Somewhere else');
    expect(new Locale('en', names).place('baku', 'Baku')).toBe('Baku');
  });
});
