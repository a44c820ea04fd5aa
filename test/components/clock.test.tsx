import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useClock } from '../../src/components/shared/useNow.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useClock', () => {
  it('reads a stable select only while rendering, not again after each commit', () => {
    // Every visible row derives its waiting and reply-window attributes through it, and every visible
    // row renders when a row arrives above: a read after each commit doubled that work in production.
    let calls = 0;
    const select = (now: number) => {
      calls++;
      return Math.floor(now / 3_600_000);
    };
    let renders = 0;
    const { rerender } = renderHook(() => {
      renders++;
      return useClock(select);
    });
    calls = 0;
    renders = 0;
    for (let i = 0; i < 5; i++) rerender();
    expect(renders).toBe(5);
    // React's development build reads every snapshot twice per render; production, once.
    expect(calls).toBe(2 * renders);
  });

  it('renders again only when what it selects changes, not on every tick', () => {
    let renders = 0;
    const select = (now: number) => Math.floor(now / 3_600_000) > 0;
    renderHook(() => {
      renders++;
      return useClock(select);
    });
    renders = 0;
    act(() => void vi.advanceTimersByTime(5 * 30_000));
    expect(renders).toBe(0);
  });
});
