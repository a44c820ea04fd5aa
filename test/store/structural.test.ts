import { describe, expect, it } from 'vitest';
import { equalDeep, replaceEqualDeep } from '../../src/store/structural.js';

const row = (over: Record<string, unknown> = {}) => ({
  id: 'conv_1',
  status: 'open',
  contact: { id: 'c1', name: 'Ada', labels: ['vip', 'new'] },
  messages: [{ id: 'm1', text: 'hi' }, { id: 'm2', text: 'there' }],
  ...over,
});

describe('replaceEqualDeep', () => {
  it('returns the previous object itself when the next one is deeply equal, whatever its key order', () => {
    const prev = row();
    expect(replaceEqualDeep(prev, row())).toBe(prev);
    const reordered = { messages: row().messages, contact: row().contact, status: 'open', id: 'conv_1' };
    expect(replaceEqualDeep(prev, reordered)).toBe(prev);
  });

  it('keeps every unchanged subtree and takes the changed ones, at any depth and position', () => {
    const prev = row();
    const next = replaceEqualDeep(prev, row({ messages: [{ id: 'm1', text: 'hi' }, { id: 'm2', text: 'changed' }] }));
    expect(next).not.toBe(prev);
    expect(next).toEqual(row({ messages: [{ id: 'm1', text: 'hi' }, { id: 'm2', text: 'changed' }] }));
    expect(next.contact).toBe(prev.contact);
    expect(next.messages).not.toBe(prev.messages);
    expect(next.messages[0]).toBe(prev.messages[0]);
    // A change in the last key, after equal ones: the copy holds the earlier ones from prev.
    const last = replaceEqualDeep(prev, { ...row(), messages: row().messages, extra: 1 });
    expect(Object.keys(last)).toEqual(['id', 'status', 'contact', 'messages', 'extra']);
    expect(last.contact).toBe(prev.contact);
  });

  it('sees added, removed and renamed keys and array items as changes', () => {
    const prev = row();
    const { status: _status, ...withoutStatus } = row();
    expect(replaceEqualDeep(prev, withoutStatus)).toEqual(withoutStatus);
    expect(replaceEqualDeep(prev, { ...withoutStatus, state: 'open' })).toEqual({ ...withoutStatus, state: 'open' });
    const shorter = row({ messages: [{ id: 'm1', text: 'hi' }] });
    const merged = replaceEqualDeep(prev, shorter);
    expect(merged.messages).toEqual([{ id: 'm1', text: 'hi' }]);
    expect(merged.messages[0]).toBe(prev.messages[0]);
    const longer = replaceEqualDeep(prev, row({ messages: [...row().messages, { id: 'm3', text: '!' }] }));
    expect(longer.messages).toHaveLength(3);
    expect(longer.messages[1]).toBe(prev.messages[1]);
  });

  it('keeps a key named __proto__ as an own value, never as a prototype', () => {
    const prev = JSON.parse('{"a":1,"__proto__":{"x":1}}') as Record<string, unknown>;
    const next = JSON.parse('{"a":2,"__proto__":{"x":1}}') as Record<string, unknown>;
    const merged = replaceEqualDeep(prev, next);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(merged, '__proto__')).toBe(true);
    expect(merged['__proto__']).toBe(prev['__proto__']);
    expect(merged.a).toBe(2);
    expect(replaceEqualDeep(prev, JSON.parse('{"a":1,"__proto__":{"x":1}}'))).toBe(prev);
  });

  it('takes the next value where the kinds differ (array against object, class instances)', () => {
    expect(replaceEqualDeep({ a: [1] }, { a: { 0: 1 } }).a).toEqual({ 0: 1 });
    const date = new Date(0);
    expect(replaceEqualDeep({ at: new Date(0) }, { at: date }).at).toBe(date);
  });
});

describe('equalDeep', () => {
  it('says true exactly where replaceEqualDeep would return the previous value', () => {
    const { status: _status, ...withoutStatus } = row();
    const pairs: Array<[unknown, unknown]> = [
      [row(), row()],
      [row(), { messages: row().messages, contact: row().contact, status: 'open', id: 'conv_1' }],
      [row(), row({ messages: [{ id: 'm1', text: 'hi' }, { id: 'm2', text: 'changed' }] })],
      [row(), withoutStatus],
      [row(), { ...withoutStatus, state: 'open' }],
      [row(), row({ messages: [{ id: 'm1', text: 'hi' }] })],
      [row(), { ...row(), extra: undefined }],
      [JSON.parse('{"a":1,"__proto__":{"x":1}}'), JSON.parse('{"a":1,"__proto__":{"x":1}}')],
      [JSON.parse('{"a":1,"__proto__":{"x":1}}'), JSON.parse('{"a":1,"__proto__":{"x":2}}')],
      [{ a: [1] }, { a: { 0: 1 } }],
      [{ at: new Date(0) }, { at: new Date(0) }],
      [[1, [2, { b: 3 }]], [1, [2, { b: 3 }]]],
      [null, undefined],
      [1, 1],
    ];
    for (const [prev, next] of pairs) expect(equalDeep(prev, next)).toBe(replaceEqualDeep(prev, next) === prev);
  });
});
