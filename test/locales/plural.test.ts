import { afterEach, describe, expect, it, vi } from 'vitest';
import { plural } from '../../src/locales/plural.js';

const RealPluralRules = Intl.PluralRules;
const RealNumberFormat = Intl.NumberFormat;
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
    const message = plural('fr', { one: '# note', other: '# notes' });
    expect(made).toEqual({ rules: 0, numbers: 0 });
    expect([message(1), message(2), message(3)]).toEqual(['1 note', '2 notes', '3 notes']);
    expect(made).toEqual({ rules: 1, numbers: 1 });
  });
});
