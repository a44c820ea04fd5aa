import { describe, expect, it } from 'vitest';
import { defaultMessages } from 'inboxkit';
import type { InboxMessages, RowLabelParts } from 'inboxkit';
import * as en from 'inboxkit/locales/en';
import * as ar from 'inboxkit/locales/ar';
import * as de from 'inboxkit/locales/de';
import * as es from 'inboxkit/locales/es';
import * as fr from 'inboxkit/locales/fr';
import * as pt from 'inboxkit/locales/pt';
import * as ja from 'inboxkit/locales/ja';
import * as hi from 'inboxkit/locales/hi';

const CATALOGS = { en, ar, de, es, fr, pt, ja, hi };

/** Every leaf of a message tree by its path, with its kind: nested records and arrays are walked. */
function shape(value: unknown, path = '', into = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) {
    into.set(path, `array of ${value.length}`);
    value.forEach((item, i) => shape(item, `${path}[${i}]`, into));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) shape(item, path ? `${path}.${key}` : key, into);
  } else {
    into.set(path, typeof value);
  }
  return into;
}

/** Every string leaf of a message tree by its path. */
function strings(value: unknown, path = '', into: Array<[string, string]> = []): Array<[string, string]> {
  if (typeof value === 'string') into.push([path, value]);
  else if (Array.isArray(value)) value.forEach((item, i) => strings(item, `${path}[${i}]`, into));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) strings(item, path ? `${path}.${key}` : key, into);
  return into;
}

type FunctionKey = { [K in keyof InboxMessages]: InboxMessages[K] extends (...args: never[]) => string ? K : never }[keyof InboxMessages];

const COUNTS = [0, 1, 2, 3, 5, 11, 100, 101];
const counts = COUNTS.map((n): [number] => [n]);

// Arguments to call each function message with. Typed by InboxMessages, so a new function message
// does not type-check until it has samples here (counts for a count, a realistic value for text).
const SAMPLES: { [K in FunctionKey]: Array<Parameters<InboxMessages[K]>> } = {
  unknownStatus: [['pending_review']],
  unknownChannel: [['telegram']],
  unknownContact: [['contact_7f3a9c']],
  unread: counts,
  unreadAmongLoaded: counts,
  savedInBrowser: [['Waply'], [null]],
  notSavedInBrowser: [['Waply'], [null]],
  newRows: counts,
  assignedTo: [['Alice Support']],
  minutesAgo: counts,
  hoursAgo: counts,
  viewWithCount: COUNTS.map((n): [string, number] => ['Mine', n]),
  optionWithCount: COUNTS.map((n): [string, number] => ['Open', n]),
  resolvedUndoable: COUNTS.map((n): [string, number] => ['Maria Lopez', n]),
  endOfLoaded: [
    [50, 300],
    [3, 120],
  ],
  daysShort: counts,
  waitingFor: [['2h'], ['3 hours']],
  replyWindowLeft: [['3h']],
  replyWindowClosing: [['40m']],
  replyWindowLeftShort: [['3h'], ['40m']],
  replyWindowExplained: [['14:05', '3 hours']],
  replyWindowClosedExplained: [['2 Dec, 14:05']],
  rowLabel: [
    [
      {
        name: 'Daniel Smith',
        status: 'Escalated',
        assignee: 'Alice Support',
        unread: 2,
        waiting: '2 hours',
        overdue: true,
        window: { state: 'closing', left: '40 minutes' },
        time: '4 minutes ago',
        preview: { text: 'I was charged twice this month', sent: false },
        noMessages: false,
      },
    ],
    [{ name: 'Daniel Smith', status: null, assignee: null, unread: 0, waiting: null, overdue: false, window: null, time: '4 minutes ago', preview: null, noMessages: true }],
    [{ name: 'Daniel Smith', status: null, assignee: null, unread: 0, waiting: null, overdue: false, window: { state: 'closed', left: '1 minute' }, time: 'now', preview: { text: 'Thanks!', sent: true }, noMessages: false }],
  ],
  selectRow: [['Maria Lopez'], ['محمد']],
  selectedCount: counts,
  bulkConfirmResolve: counts,
  bulkConfirmAssign: COUNTS.map((n): [number, string] => [n, 'Alice Support']),
  bulkConfirmDetail: counts,
  bulkConfirmSend: counts,
  bulkRunning: counts,
  bulkResolved: counts,
  bulkAssigned: counts,
  bulkFailed: counts,
  bulkFailedReason: [['1 failed', 'You are not allowed to do this.']],
  bulkNotSent: counts,
  bulkUndone: counts,
};

describe('UI catalogs', () => {
  const english = shape(defaultMessages);

  it('en is the default English messages, not a copy', () => {
    expect(en.messages).toBe(defaultMessages);
    expect(en.dateLocale.code).toBe('en-US');
  });

  it.each(Object.entries(CATALOGS))('%s has exactly the keys of the English messages, each of the same kind', (_tag, catalog) => {
    const own = shape(catalog.messages);
    const missing = [...english.keys()].filter((path) => !own.has(path));
    const extra = [...own.keys()].filter((path) => !english.has(path));
    const wrongKind = [...english].filter(([path, kind]) => own.has(path) && own.get(path) !== kind).map(([path, kind]) => `${path}: ${own.get(path)}, English has ${kind}`);
    expect({ missing, extra, wrongKind }).toEqual({ missing: [], extra: [], wrongKind: [] });
  });

  it.each(Object.entries(CATALOGS))('%s has no empty string', (_tag, catalog) => {
    expect(strings(catalog.messages).filter(([, text]) => text.trim() === '').map(([path]) => path)).toEqual([]);
  });

  it.each(Object.entries(CATALOGS))('%s lists the same shortcut keys as English', (_tag, catalog) => {
    // The key column may name Enter the local way ("Entrée"), but letters and symbols are the bindings themselves.
    const symbols = (keys: string) => keys.split(/[\s/]+/).filter((token) => Array.from(token).length === 1);
    expect(catalog.messages.shortcutList.map(([keys]) => symbols(keys))).toEqual(defaultMessages.shortcutList.map(([keys]) => symbols(keys)));
  });

  it('has samples for every function message', () => {
    const functions = [...english].filter(([, kind]) => kind === 'function').map(([path]) => path);
    expect(functions.sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  it.each(Object.entries(CATALOGS))('%s: every function message returns text, with its argument in it', (tag, catalog) => {
    const numbers = new Intl.NumberFormat(catalog.dateLocale.code);
    for (const [key, samples] of Object.entries(SAMPLES) as Array<[FunctionKey, unknown[][]]>) {
      const message = catalog.messages[key] as (...args: unknown[]) => string;
      for (const args of samples) {
        const text = message(...args);
        expect(typeof text, `${tag}.${key}(${args.join(', ')})`).toBe('string');
        expect(text.trim(), `${tag}.${key}(${args.join(', ')})`).not.toBe('');
        const [first] = args;
        // A count is written out from 3 up (Arabic says zero, one and two in the noun itself).
        if (typeof first === 'number' && first >= 3) expect(text, `${tag}.${key}(${first})`).toContain(numbers.format(first));
        if (key === 'assignedTo' || key === 'unknownStatus' || key === 'unknownChannel' || key === 'selectRow') expect(text).toContain(String(first));
        if (key === 'bulkConfirmAssign' || key === 'bulkFailedReason') expect(text).toContain(String(args[1]));
        if (key === 'bulkFailedReason') expect(text).toContain(String(first));
        if (key === 'unknownContact') expect(text).toContain(String(first).slice(-6));
        // The backend is named where known; unknown, it is "this backend" in words, never "null".
        if (key === 'savedInBrowser' || key === 'notSavedInBrowser') expect(text).toContain(first === null ? '' : String(first));
        if (key === 'savedInBrowser' || key === 'notSavedInBrowser') expect(text).not.toContain('null');
        if (key.startsWith('waiting') || key.startsWith('replyWindow')) for (const arg of args) expect(text, `${tag}.${key}`).toContain(String(arg));
        if (key === 'rowLabel') {
          const parts = first as RowLabelParts;
          // One sentence holding every piece it was given, in words.
          for (const piece of [parts.name, parts.assignee, parts.waiting, parts.time, parts.preview?.text, parts.window?.state === 'closed' ? null : parts.window?.left]) {
            if (piece) expect(text, `${tag}.rowLabel`).toContain(piece);
          }
          expect(text, `${tag}.rowLabel`).toMatch(/[.!?。।]$/u);
        }
      }
    }
  });

  it.each(Object.entries(CATALOGS))('%s: a narrow row’s reply window is shorter than the long form it stands for', (_tag, catalog) => {
    const m = catalog.messages;
    const hours = m.hoursAgo(23);
    expect(m.replyWindowLeftShort(hours).length).toBeLessThan(m.replyWindowLeft(hours).length);
    expect(m.replyWindowLeftShort(m.minutesAgo(40)).length).toBeLessThan(m.replyWindowClosing(m.minutesAgo(40)).length);
    expect(m.replyWindowClosedShort.length).toBeLessThan(m.replyWindowClosed.length);
  });

  it.each(Object.entries(CATALOGS))('%s: the Undo line names the conversation, and counts the others only when there are some', (_tag, catalog) => {
    const numbers = new Intl.NumberFormat(catalog.dateLocale.code);
    const alone = catalog.messages.resolvedUndoable('Maria Lopez', 0);
    expect(alone).toContain('Maria Lopez');
    expect(alone).not.toMatch(/\d/);
    for (const others of [1, 2, 3, 11, 101]) {
      const text = catalog.messages.resolvedUndoable('Maria Lopez', others);
      expect(text).toContain('Maria Lopez');
      expect(text).not.toBe(alone);
      if (others >= 3) expect(text).toContain(numbers.format(others));
    }
  });

  it('counts are written with the locale’s digits and separators', () => {
    expect(en.messages.unread(1234)).toBe('1,234 unread messages');
    expect(de.messages.unread(1234)).toBe('1.234 ungelesene Nachrichten');
    expect(fr.messages.unread(1234)).toBe(`${new Intl.NumberFormat('fr').format(1234)} messages non lus`);
  });

  it('the date locale matches the catalog', () => {
    expect(Object.fromEntries(Object.entries(CATALOGS).map(([tag, catalog]) => [tag, catalog.dateLocale.code]))).toEqual({
      en: 'en-US',
      ar: 'ar',
      de: 'de',
      es: 'es',
      fr: 'fr',
      pt: 'pt-BR',
      ja: 'ja',
      hi: 'hi',
    });
  });
});

describe('plural forms by the language’s own rules', () => {
  it('English: one, other', () => {
    expect([0, 1, 2].map(en.messages.unread)).toEqual(['0 unread messages', '1 unread message', '2 unread messages']);
  });

  it('German: one, other', () => {
    expect([0, 1, 2, 11].map(de.messages.unread)).toEqual(['0 ungelesene Nachrichten', '1 ungelesene Nachricht', '2 ungelesene Nachrichten', '11 ungelesene Nachrichten']);
  });

  it('French and Portuguese: 0 and 1 are singular', () => {
    expect([0, 1, 2].map(fr.messages.unread)).toEqual(['0 message non lu', '1 message non lu', '2 messages non lus']);
    expect([0, 1, 2].map(pt.messages.unread)).toEqual(['0 mensagem não lida', '1 mensagem não lida', '2 mensagens não lidas']);
  });

  it('French, Spanish and Portuguese: "de" after a million (CLDR "many")', () => {
    expect(fr.messages.unread(1_000_000)).toContain('de messages non lus');
    expect(es.messages.unread(1_000_000)).toContain('de mensajes sin leer');
    expect(pt.messages.unread(1_000_000)).toContain('de mensagens não lidas');
  });

  it('Spanish: only 1 is singular', () => {
    expect([0, 1, 2].map(es.messages.unread)).toEqual(['0 mensajes sin leer', '1 mensaje sin leer', '2 mensajes sin leer']);
  });

  it('Japanese: one form', () => {
    expect([1, 2, 11].map(ja.messages.unread)).toEqual(['未読メッセージ 1件', '未読メッセージ 2件', '未読メッセージ 11件']);
  });

  it('Hindi: 0 and 1 are one, the rest other', () => {
    expect([0, 1, 2].map(hi.messages.unread)).toEqual(['0 अपठित संदेश', '1 अपठित संदेश', '2 अपठित संदेश']);
  });

  it('Arabic: zero, one, two, few, many, other', () => {
    expect([0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 103].map(ar.messages.unread)).toEqual([
      'لا رسائل غير مقروءة', // zero
      'رسالة واحدة غير مقروءة', // one
      'رسالتان غير مقروءتين', // two
      '3 رسائل غير مقروءة', // few (3–10)
      '10 رسائل غير مقروءة',
      '11 رسالة غير مقروءة', // many (11–99)
      '99 رسالة غير مقروءة',
      '100 رسالة غير مقروءة', // other
      '101 رسالة غير مقروءة',
      '102 رسالة غير مقروءة',
      '103 رسائل غير مقروءة', // few again (x03–x10)
    ]);
  });

  it('list times use each language’s short forms', () => {
    const times = (catalog: { messages: InboxMessages }) => [catalog.messages.justNow, catalog.messages.minutesAgo(5), catalog.messages.hoursAgo(3)];
    expect(times(en)).toEqual(['now', '5m', '3h']);
    expect(times(de)).toEqual(['jetzt', '5\u00a0Min.', '3\u00a0Std.']);
    expect(times(fr)).toEqual(['à l’instant', '5\u00a0min', '3\u00a0h']);
    expect(times(ja)).toEqual(['今', '5分', '3時間']);
    expect(times(ar)).toEqual(['الآن', '5\u00a0د', '3\u00a0س']);
  });
});

describe('a contact with no name, phone or email', () => {
  it('is named by the end of its id, never by the end of a word the id carries', async () => {
    const { shortId } = await import('../../src/locales/sentence.js');
    expect(shortId('con_01HXYZ')).toBe('01HXYZ');
    expect(shortId('contact_f1e2d3c4-5678-90ab-cdef-abcdefabcdef')).toBe('abcdef');
    expect(shortId('conv_7-contact')).toBe('conv7');
    expect(shortId('customer-4711')).toBe('4711');
    expect(shortId('contact')).toBe('ontact');
    expect(shortId('__')).toBe('__');
    expect(shortId('田中-contact')).toBe('田中');
    for (const [tag, catalog] of Object.entries(CATALOGS)) {
      expect([tag, catalog.messages.unknownContact('conv_7-contact').endsWith('conv7')]).toEqual([tag, true]);
    }
  });
});
