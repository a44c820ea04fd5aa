import { afterEach, describe, expect, it, vi } from 'vitest';
import { de } from 'date-fns/locale/de';
import { ja } from 'date-fns/locale/ja';
import { defaultMessages } from '../../src/hooks/messages.js';
import type * as FormatModule from '../../src/components/shared/format.js';

type Format = typeof FormatModule;

const NOW = Date.parse('2026-12-02T15:30:00Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();

/** A fresh copy of the module (its formatter cache empty), with Intl's constructors counted. */
async function freshFormat(): Promise<{ format: Format; made: { dates: number; relative: number; numbers: number } }> {
  const made = { dates: 0, relative: 0, numbers: 0 };
  const count = <T extends abstract new (...args: never[]) => object>(Real: T, key: keyof typeof made): T =>
    class extends (Real as unknown as new (...args: unknown[]) => object) {
      constructor(...args: unknown[]) {
        super(...args);
        made[key]++;
      }
    } as unknown as T;
  vi.stubGlobal(
    'Intl',
    Object.assign(Object.create(Intl) as typeof Intl, {
      DateTimeFormat: count(Intl.DateTimeFormat, 'dates'),
      RelativeTimeFormat: count(Intl.RelativeTimeFormat, 'relative'),
      NumberFormat: count(Intl.NumberFormat, 'numbers'),
    }),
  );
  vi.resetModules();
  return { format: await import('../../src/components/shared/format.js'), made };
}

describe('dates and times', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('writes US English when no locale is given, as the English catalog does', async () => {
    const { format } = await freshFormat();
    const time = iso(NOW - 40 * DAY);
    expect(format.formatFull(time, undefined)).toBe(new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'medium' }).format(NOW - 40 * DAY));
    expect(format.formatSpokenTime(time, NOW, defaultMessages, undefined)).toBe('1 month ago');
    expect(format.formatSpokenDuration(90 * MINUTE, undefined)).toBe('1 hour');
  });

  it("follows the date-fns locale's language, in that language's own order", async () => {
    const { format } = await freshFormat();
    const lastYear = iso(new Date(2025, 2, 5, 9, 7).getTime()); // 5 March on the machine's own clock, whatever its zone
    // German day-month order and words; Japanese year-month-day.
    expect(format.formatListTime(lastYear, NOW, defaultMessages, de)).toBe(new Intl.DateTimeFormat('de', { dateStyle: 'medium' }).format(Date.parse(lastYear)));
    expect(format.formatListTime(lastYear, NOW, defaultMessages, de)).toMatch(/^0?5\.\s?0?3\.\s?2025$/);
    expect(format.formatListTime(lastYear, NOW, defaultMessages, ja)).toMatch(/^2025\/03\/05$/);
    expect(format.formatSpokenTime(iso(NOW - 4 * MINUTE), NOW, defaultMessages, de)).toBe('vor 4 Minuten');
    expect(format.formatSpokenDuration(3 * DAY, de)).toBe('3 Tage');
  });

  it('writes US English, with one warning, for a tag Intl refuses, instead of throwing in every row', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { format } = await freshFormat();
    const typo = { code: 'de_DE!' };
    const time = iso(NOW - 40 * DAY);
    expect(format.formatFull(time, typo)).toBe(format.formatFull(time, undefined));
    expect(format.formatSpokenTime(time, NOW, defaultMessages, typo)).toBe('1 month ago');
    expect(format.formatSpokenDuration(3 * DAY, typo)).toBe('3 days');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/"de_DE!" is not a language tag/);
    warn.mockRestore();
  });

  it('rounds distances down to the largest whole unit: minutes, hours, days, months, years', async () => {
    const { format } = await freshFormat();
    const spoken = (ago: number) => format.formatSpokenTime(iso(NOW - ago), NOW, defaultMessages, undefined);
    expect(spoken(30_000)).toBe(defaultMessages.justNow);
    expect(spoken(59 * MINUTE + 59_000)).toBe('59 minutes ago');
    expect(spoken(60 * MINUTE)).toBe('1 hour ago');
    expect(spoken(DAY - 1)).toBe('23 hours ago');
    expect(spoken(29 * DAY)).toBe('29 days ago');
    expect(spoken(95 * DAY)).toBe('3 months ago');
    expect(spoken(400 * DAY)).toBe('1 year ago');
    expect(format.formatSpokenDuration(10_000, undefined)).toBe('1 minute');
  });

  it('makes one formatter per language and style, however many rows it writes', async () => {
    const { format, made } = await freshFormat();
    for (let i = 0; i < 500; i++) {
      format.formatFull(iso(NOW - i * MINUTE), undefined);
      format.formatClock(iso(NOW - i * MINUTE), undefined);
      format.formatSpokenTime(iso(NOW - (i + 2) * MINUTE), NOW, defaultMessages, undefined);
      format.formatSpokenDuration((i + 1) * MINUTE, undefined);
      format.formatFull(iso(NOW - i * MINUTE), de);
    }
    // full and clock in English, full in German; English counts of time need no Intl formatter.
    expect(made).toEqual({ dates: 3, relative: 0, numbers: 0 });
    format.formatSpokenDuration(3 * DAY, de);
    format.formatSpokenTime(iso(NOW - 3 * DAY), NOW, defaultMessages, de);
    expect(made).toEqual({ dates: 3, relative: 1, numbers: 1 });
  });

  it('says English counts of time in the words Intl uses, without making its unit formatters', async () => {
    const { format } = await freshFormat();
    const units = [
      ['minute', MINUTE],
      ['hour', 60 * MINUTE],
      ['day', DAY],
    ] as const;
    for (const code of [undefined, { code: 'en' }, { code: 'en-GB' }, { code: 'en-IN' }]) {
      const tag = code?.code ?? 'en-US';
      for (const [unit, ms] of units) {
        for (const count of [1, 2, 5, 23, 59]) {
          if ((unit === 'hour' && count > 23) || (unit === 'day' && count > 29)) continue;
          expect(format.formatSpokenDuration(count * ms, code)).toBe(new Intl.NumberFormat(tag, { style: 'unit', unit, unitDisplay: 'long' }).format(count));
          expect(format.formatSpokenTime(iso(NOW - count * ms), NOW, defaultMessages, code)).toBe(new Intl.RelativeTimeFormat(tag, { numeric: 'always' }).format(-count, unit));
        }
      }
      expect(format.formatSpokenTime(iso(NOW - 3 * 30 * DAY - DAY), NOW, defaultMessages, code)).toBe(new Intl.RelativeTimeFormat(tag).format(-3, 'month'));
      expect(format.formatSpokenTime(iso(NOW - 800 * DAY), NOW, defaultMessages, code)).toBe(new Intl.RelativeTimeFormat(tag).format(-2, 'year'));
    }
  });
});

describe('initials', () => {
  // The rule, written the slow way: the first letter (with its combining marks) of the first and last words that hold one.
  const reference = (name: string) => {
    const letters = name
      .split(/\s+/)
      .map((word) => word.match(/\p{L}\p{M}*/u)?.[0])
      .filter((letter): letter is string => letter !== undefined);
    return (letters.length > 1 ? letters[0]! + letters[letters.length - 1]! : (letters[0] ?? '')).toLocaleUpperCase() || '?';
  };

  it('are the same on the ASCII fast path as by the Unicode rule, marks and all', async () => {
    const { initials } = await import('../../src/components/shared/format.js');
    const names = [
      'Ada Lovelace', 'ada lovelace', 'A', 'x y z', "O'Brien Smith", '(Bob) Smith', '1a b2', '42', '',
      'A\u0301na Bo', 'e\u0301 z\u0327', 'Zoe\u0308 Ng', 'Łukasz Ňo', 'Ann Ñandú', 'a\u0300', 'Q\u200bR',
      'فاطمة الزهراء', '田中 ゆき', '🐱 Cat Lover', '  spaced   out  ', 'ǅemal Đorđe',
    ];
    for (const name of names) expect([name, initials(name)]).toEqual([name, reference(name)]);
  });
});

describe('delivery statuses', () => {
  it("are said in the catalog's words; an unknown one is humanized, and a prototype name is not a word", async () => {
    const { deliveryStatusText } = await import('../../src/components/shared/format.js');
    const { messages: german } = await import('../../src/locales/de.js');
    expect(deliveryStatusText('read', defaultMessages)).toBe('Read');
    expect(deliveryStatusText('read', german)).toBe('Gelesen');
    expect(deliveryStatusText('pending_review', defaultMessages)).toBe('Pending review');
    expect(deliveryStatusText('constructor', defaultMessages)).toBe('Constructor');
  });
});
