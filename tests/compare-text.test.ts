import { describe, expect, it } from 'vitest';
import { compareText } from '../src/model/compare-text.js';
import { compareAzerbaijani } from '../src/model/azerbaijani-order.js';

describe('compareText: the root collation, whatever the machine’s locale', () => {
  it('keeps one order where locales differ (az_AZ puts w after z, da_DK puts aa after z)', () => {
    expect(['z-1', 'w-1', 'AA-2', 'aa-1', 'b-1'].sort(compareText)).toEqual(['aa-1', 'AA-2', 'b-1', 'w-1', 'z-1']);
  });

  it('orders facility ids, unit codes and group ids as localeCompare does', () => {
    const ids = [
      'BAK-10',
      'BAK-2',
      'B-SKR',
      'BAK_1',
      'bak-1',
      'AZ-BA/yasamal',
      'AZ-BA',
      'L-AGHALI',
      'abs',
      'ABS',
      'Ab',
    ];
    expect([...ids].sort(compareText)).toEqual([...ids].sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('agrees with localeCompare on 50,000 random pairs of printable ASCII and a few other letters', () => {
    const alphabet = ' _-.,/0129aAbBzZ:()Əə';
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const word = () =>
      Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
    for (let t = 0; t < 50_000; t++) {
      const a = word(),
        b = word();
      expect(compareText(a, b), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(
        Math.sign(a.localeCompare(b, 'en')),
      );
    }
  });
});

describe('compareAzerbaijani: the Azerbaijani alphabet (a b c ç d e ə f g ğ h x ı i j k q l m n o ö p r s ş t u ü v y z)', () => {
  it('puts ş after s, q after k, x after h, ı before i, ö after o, as an Azerbaijani index does', () => {
    const names = [
      'Şəki',
      'Sumqayıt',
      'Ordubad',
      'Qəbələ',
      'Kəlbəcər',
      'İmişli',
      'Xaçmaz',
      'Hacıqabul',
      'Ömər',
      'Ismayilli',
    ];
    // Root collation (and localeCompare under en) would give: Hacıqabul İmişli Ismayilli Kəlbəcər Ömər Ordubad Qəbələ Şəki Sumqayıt Xaçmaz.
    expect([...names].sort(compareAzerbaijani)).toEqual([
      'Hacıqabul',
      'Xaçmaz',
      'Ismayilli',
      'İmişli',
      'Kəlbəcər',
      'Qəbələ',
      'Ordubad',
      'Ömər',
      'Sumqayıt',
      'Şəki',
    ]);
  });

  it('ignores case (İ is i, I is ı) and reads a decomposed letter as the letter', () => {
    expect(compareAzerbaijani('İsmayıllı', 'ismayıllı')).not.toBe(0); // equal but for case: a fixed tie-break
    expect(Math.sign(compareAzerbaijani('İmişli', 'ismayıllı'))).toBe(-1); // m before s, whatever the case
    expect(Math.sign(compareAzerbaijani('IRAN', 'iran'))).toBe(-1); // I is ı, before i
    expect(Math.sign(compareAzerbaijani('S\u0327əki', 'Sumqayıt'))).toBe(1); // S + cedilla is Ş
    expect(Math.sign(compareAzerbaijani('Ağdam', 'Ağdam 2'))).toBe(-1);
    expect(Math.sign(compareAzerbaijani('2-ci rayon', 'Abşeron'))).toBe(-1); // digits before letters
    expect(compareAzerbaijani('Bakı', 'Bakı')).toBe(0);
  });
});
