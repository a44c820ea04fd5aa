import { differenceInCalendarDays, isSameDay, isSameYear } from 'date-fns';
import type { Contact, Conversation } from '../../core/types.js';
import type { DateLocale } from '../../hooks/context.js';
import type { InboxMessages } from '../../hooks/messages.js';

// Dates are written by the platform's Intl formatters, in the language of the
// locale the host passes (a date-fns Locale's `code`), US English when none: the
// browser already ships every language's patterns, so the bundle carries no
// pattern tables and each catalog's dates follow that language's own order
// ("2. Dez." in German). date-fns does the calendar arithmetic.

type Style = 'clock' | 'weekday' | 'dayMonth' | 'date' | 'longDay' | 'longDate' | 'full' | 'dayMonthTime' | 'dateTime';

const STYLES: Record<Style, Intl.DateTimeFormatOptions> = {
  clock: { hour: 'numeric', minute: '2-digit' },
  weekday: { weekday: 'short' },
  dayMonth: { day: 'numeric', month: 'short' },
  date: { dateStyle: 'medium' },
  longDay: { weekday: 'long', day: 'numeric', month: 'long' },
  longDate: { dateStyle: 'long' },
  full: { dateStyle: 'medium', timeStyle: 'medium' },
  dayMonthTime: { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' },
  dateTime: { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' },
};

type Unit = 'minute' | 'hour' | 'day' | 'month' | 'year';

// Formatters are costly to make and cheap to use: one per language and style, made on first use.
const formatters = new Map<string, object>();

function cached<T extends object>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}

// Each locale's tag, checked once: a tag Intl refuses (a host's typo) writes US English with one
// warning, rather than throwing in every row's render.
const tags = new Map<string, string>();

function tag(locale: DateLocale | undefined): string {
  const code = locale?.code;
  if (!code) return 'en-US';
  let checked = tags.get(code);
  if (checked === undefined) {
    try {
      checked = Intl.getCanonicalLocales(code)[0] ?? 'en-US';
    } catch {
      console.warn(`[InboxKit] ${JSON.stringify(code)} is not a language tag: dates are written in US English.`);
      checked = 'en-US';
    }
    tags.set(code, checked);
  }
  return checked;
}

function formatDate(time: number, style: Style, locale: DateLocale | undefined): string {
  const code = tag(locale);
  return cached(`${code} ${style}`, () => new Intl.DateTimeFormat(code, STYLES[style])).format(time);
}

// English counts of time are the common case (every row's spoken sentence) and simple to say. A page's first
// unit NumberFormat or RelativeTimeFormat loads the browser's unit data, which cost more than a thousand-row
// list's whole mount, so English says them itself; counts of 1,000 and more (grouped digits, which en-IN writes
// its own way) and every other language go to Intl. test/components/format.test.ts checks the words against Intl.
const inEnglish = (code: string, count: number) => count < 1000 && (code === 'en' || code.startsWith('en-'));
const englishCount = (count: number, unit: Unit) => `${count} ${unit}${count === 1 ? '' : 's'}`;

/** A whole, rounded-down count of the largest unit that fits (at least a minute), as date-fns's strict distance picks it. */
function largestUnit(ms: number): [number, Unit] {
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  if (minutes < 60) return [minutes, 'minute'];
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return [hours, 'hour'];
  const days = Math.floor(hours / 24);
  if (days < 30) return [days, 'day'];
  return days < 365 ? [Math.floor(days / 30), 'month'] : [Math.floor(days / 365), 'year'];
}

/**
 * A list row's time: "now" within a minute either side of now, "5m", "3h"
 * within the last hours of today, "Yesterday", a weekday within the week,
 * else a short date (with the year when it is not this year). A time later
 * today than the clock (a skewed server) shows its clock time, never a date.
 * Localized through the messages and the locale's language.
 */
export function formatListTime(iso: string, now: number, messages: InboxMessages, locale: DateLocale | undefined): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  const diff = now - time;
  if (Math.abs(diff) < 60_000) return messages.justNow;
  const minutes = Math.floor(diff / 60_000);
  const days = differenceInCalendarDays(now, time);
  if (days === 0 && diff < 0) return formatDate(time, 'clock', locale);
  if (days === 0 && minutes < 60) return messages.minutesAgo(minutes);
  if (days === 0) return messages.hoursAgo(Math.floor(minutes / 60));
  if (days === 1) return messages.yesterday;
  if (days > 1 && days < 7) return formatDate(time, 'weekday', locale);
  return formatDate(time, isSameYear(now, time) ? 'dayMonth' : 'date', locale);
}

/**
 * A list row's time in words, for its accessible name: "now" within a minute
 * either side of now (as the row shows it), "4 minutes ago", "3 days ago" in
 * the locale's language; a time later today than the clock reads as the clock time.
 */
export function formatSpokenTime(iso: string, now: number, messages: InboxMessages, locale: DateLocale | undefined): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  const diff = now - time;
  if (Math.abs(diff) < 60_000) return messages.justNow;
  if (diff < 0) return isSameDay(now, time) ? formatDate(time, 'clock', locale) : formatFull(iso, locale);
  const [count, unit] = largestUnit(diff);
  const code = tag(locale);
  if (inEnglish(code, count)) return `${englishCount(count, unit)} ago`;
  return cached(`${code} ago`, () => new Intl.RelativeTimeFormat(code, { numeric: 'always' })).format(-count, unit);
}

/** A duration, short, as rows show it: "40m", "3h", "2d" (whole units, rounded down; at least 1m). */
export function formatShortDuration(ms: number, messages: InboxMessages): string {
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  if (minutes < 60) return messages.minutesAgo(minutes);
  const hours = Math.floor(minutes / 60);
  return hours < 24 ? messages.hoursAgo(hours) : messages.daysShort(Math.floor(hours / 24));
}

/** A duration in words, for screen readers and sentences: "40 minutes", "3 hours", "2 days" (rounded down; at least a minute). */
export function formatSpokenDuration(ms: number, locale: DateLocale | undefined): string {
  const [count, unit] = largestUnit(ms);
  const code = tag(locale);
  if (inEnglish(code, count)) return englishCount(count, unit);
  return cached(`${code} ${unit}s`, () => new Intl.NumberFormat(code, { style: 'unit', unit, unitDisplay: 'long' })).format(count);
}

/** A moment near now for a sentence: the clock time today ("2:05 PM"), else the date and time ("Dec 2, 2:05 PM"). */
export function formatWhen(iso: string, now: number, locale: DateLocale | undefined): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return isSameDay(now, time) ? formatDate(time, 'clock', locale) : formatDateTime(iso, now, locale);
}

/** A day heading in a conversation: "Today", "Yesterday", or a full date. */
export function formatDay(iso: string, now: number, messages: InboxMessages, locale: DateLocale | undefined): string {
  const time = Date.parse(iso);
  const days = differenceInCalendarDays(now, time);
  if (days === 0) return messages.today;
  if (days === 1) return messages.yesterday;
  return formatDate(time, isSameYear(now, time) ? 'longDay' : 'longDate', locale);
}

/** A message's clock time. */
export function formatClock(iso: string, locale: DateLocale | undefined): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : formatDate(time, 'clock', locale);
}

/** A full date and time, for `title` and `dateTime` attributes. */
export function formatFull(iso: string, locale: DateLocale | undefined): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : formatDate(time, 'full', locale);
}

/** The name to show for a conversation's contact, never empty: name, phone, email, or a readable fallback. */
export function displayName(conversation: Pick<Conversation, 'contact' | 'contactId'>, messages: InboxMessages): string {
  const contact: Contact | null = conversation.contact;
  const name = contact?.name?.trim();
  if (name) return name;
  return contact?.phone || contact?.email || messages.unknownContact(conversation.contactId || '?');
}

/**
 * Up to two initials, letters only (any script: Latin, Arabic, CJK…), from
 * the first and last words that hold a letter: "🐱 Cat Lover" → "CL".
 * Combining marks stay with their letter. "?" when the name has no letter.
 */
export function initials(name: string): string {
  const letters = name
    .split(/\s+/)
    .map(firstLetter)
    .filter((letter): letter is string => letter !== undefined);
  const picked = letters.length > 1 ? letters[0]! + letters[letters.length - 1]! : (letters[0] ?? '');
  return picked.toLocaleUpperCase() || '?';
}

// A word that starts with an ASCII letter followed by ASCII (or nothing: no combining mark can follow) needs
// no Unicode look-up. The property class is costly to build the first time a page uses it (10 ms of a
// thousand-row mount here), and most names start this way.
const ASCII_LETTER = /^[A-Za-z](?![^\0-\x7f])/;
const LETTER = /\p{L}\p{M}*/u;
const firstLetter = (word: string): string | undefined => (ASCII_LETTER.test(word) ? word[0] : word.match(LETTER)?.[0]);

/** A stable avatar colour slot (0–7) for an id. */
export function colourSlot(id: string): number {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) | 0;
  return Math.abs(hash) % 8;
}

/** A date and time in words for details: "Nov 27, 7:10 AM" (with the year when it is not this year). */
export function formatDateTime(iso: string, now: number, locale: DateLocale | undefined): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return formatDate(time, isSameYear(now, time) ? 'dayMonthTime' : 'dateTime', locale);
}

/** "firstMessageAt", "customer_tier" or "utm-source" → "First message at", "Customer tier", "Utm source". */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/[_\-.\s]+/g, ' ')
    .trim()
    .toLocaleLowerCase();
  return words ? words.charAt(0).toLocaleUpperCase() + words.slice(1) : key;
}

// Backend keys like "constructor" must not find Object.prototype's.
const own = (words: Record<string, string>, key: string): string | undefined => (Object.hasOwn(words, key) ? words[key] : undefined);

/** A sent message's delivery status in the catalog's words ("read" → "Read"), an unknown one humanized. */
export function deliveryStatusText(status: string, messages: InboxMessages): string {
  return own(messages.deliveryStatus, status) ?? humanizeKey(status);
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * A conversation's metadata as a person reads it: known keys in words
 * ("First message"), others humanized, timestamps formatted, booleans as
 * yes/no; empty values left out. Never raw ISO timestamps or camelCase.
 */
export function metadataEntries(metadata: Record<string, unknown>, messages: InboxMessages, locale: DateLocale | undefined, now: number): Array<{ key: string; label: string; value: string }> {
  const show = (key: string, value: unknown): string | null => {
    if (value === null || value === undefined || value === '') return null;
    if (typeof value === 'boolean') return value ? messages.yes : messages.no;
    if (typeof value === 'number') return value.toLocaleString(locale?.code);
    if (typeof value === 'string') {
      if (ISO_TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(value, now, locale);
      if (key === 'source') return own(messages.metadataSources, value) ?? humanizeKey(value);
      return value;
    }
    if (Array.isArray(value)) {
      const parts = value.map((item) => show('', item)).filter((part): part is string => part !== null);
      return parts.length ? parts.join(', ') : null;
    }
    return JSON.stringify(value);
  };
  const entries: Array<{ key: string; label: string; value: string }> = [];
  for (const [key, raw] of Object.entries(metadata)) {
    const value = show(key, raw);
    if (value !== null) entries.push({ key, label: own(messages.metadataLabels, key) ?? humanizeKey(key), value });
  }
  return entries;
}
