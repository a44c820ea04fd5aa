import { afterEach, describe, expect, it, vi } from 'vitest';
import { plural } from '../../src/locales/plural.js';

const RealPluralRules = Intl.PluralRules;
const RealNumberFormat = Intl.NumberFormat;
/** Replaces Intl with one whose PluralRules and NumberFormat count how many are made. */
function countIntlObjects(): { rules: number; numbers: number } {
  const made = { rules: 0, numbers: 0 };
  class CountedRules extends RealPluralRules {
    constructor(...args: ConstructorParameters<typeof Intl.PluralRules>) {
      super(...args);
      made.rules++;
    }
  }
  class CountedNumbers extends RealNumberFormat {
    constructor(...args: ConstructorParameters<typeof Intl.NumberFormat>) {
      super(...args);
      made.numbers++;
    }
  }
  vi.stubGlobal('Intl', Object.assign(Object.create(Intl) as typeof Intl, { PluralRules: CountedRules, NumberFormat: CountedNumbers }));
  return made;
}

const EVERY_FORM = { zero: 'zero', one: 'one', two: 'two', few: 'few', many: 'many', other: 'other' };

describe('plural', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('picks the form by Intl.PluralRules: Arabic 0 zero, 1 one, 2 two, 3 few, 11 many, 100 other', () => {
    const category = plural('ar', EVERY_FORM);
    expect([0, 1, 2, 3, 11, 100].map(category)).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
  });

  it.each(['en', 'ar', 'de', 'es', 'fr', 'pt-BR', 'ja', 'hi'])('%s: agrees with Intl.PluralRules for 0 to 1,000', (tag) => {
    const category = plural(tag, EVERY_FORM);
    const rules = new Intl.PluralRules(tag);
    for (let n = 0; n <= 1000; n++) expect(category(n)).toBe(rules.select(n));
  });

  it('falls back to other where a language’s category has no wording of its own', () => {
    expect(plural('ar', { one: 'one', other: 'other' })(2)).toBe('other');
    expect(plural('ja', { one: 'one', other: 'other' })(1)).toBe('other');
  });

  it('writes # as the number, formatted for the locale, everywhere it appears', () => {
    expect(plural('de', { other: '# von #' })(1234)).toBe('1.234 von 1.234');
    expect(plural('en', { other: '# items' })(1234567)).toBe('1,234,567 items');
    expect(plural('hi', { other: '# संदेश' })(123456)).toBe(`${new Intl.NumberFormat('hi').format(123456)} संदेश`);
  });

  it('makes its Intl objects on first use, once', () => {
    const made = countIntlObjects();
    const message = plural('fr', { one: '# note', other: '# notes' });
    expect(made).toEqual({ rules: 0, numbers: 0 });
    expect([message(1), message(2), message(3)]).toEqual(['1 note', '2 notes', '3 notes']);
    expect(made).toEqual({ rules: 1, numbers: 1 });
  });

  it('English whole numbers: the same words and digits as Intl gives, without making any Intl object', () => {
    const rules = new RealPluralRules('en');
    const numbers = new RealNumberFormat('en');
    const expected = (n: number) => `${rules.select(n)} ${numbers.format(n)}`;
    const samples = [0, 1, 2, 9, 10, 99, 100, 999, 1000, 1001, 12345, 999999, 1000000, 1234567890, Number.MAX_SAFE_INTEGER, -1, -1234];
    const made = countIntlObjects();
    const message = plural('en', { one: 'one #', other: 'other #' });
    expect(samples.map(message)).toEqual(samples.map(expected));
    expect(made).toEqual({ rules: 0, numbers: 0 });
    // A fraction is Intl's to say ("1.5" is other, and it keeps its decimals).
    expect(message(1.5)).toBe('other 1.5');
    expect(made).toEqual({ rules: 1, numbers: 1 });
  });
});
