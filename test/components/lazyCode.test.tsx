import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyCode, useLazyCode } from '../../src/components/shared/lazyCode.js';
import { deferred } from '../hooks/helpers';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('useLazyCode', () => {
  it('fetches once on idle when not needed, and gives the module to every later user before paint', async () => {
    const importer = vi.fn(async () => ({ part: 'panel' }));
    const code = lazyCode(importer);
    const first = renderHook(() => useLazyCode(code, false, 'the part'));
    expect(first.result.current).toBeUndefined();
    await waitFor(() => expect(first.result.current).toEqual({ part: 'panel' }));
    // A second user mounted after arrival has it at once (its first effects run before this returns).
    const second = renderHook(() => useLazyCode(code, false, 'the part'));
    expect(second.result.current).toEqual({ part: 'panel' });
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it('fetches at once when needed; a failed download is logged, not retried in a loop, and tried again when needed again', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const attempts: Array<ReturnType<typeof deferred<{ part: string }>>> = [];
    const importer = vi.fn(() => {
      const attempt = deferred<{ part: string }>();
      attempts.push(attempt);
      return attempt.promise;
    });
    const code = lazyCode(importer);
    const hook = renderHook(({ needed }) => useLazyCode(code, needed, 'the part'), { initialProps: { needed: true } });
    expect(importer).toHaveBeenCalledTimes(1);
    await act(async () => attempts[0]!.reject(new Error('offline')));
    expect(error).toHaveBeenCalledWith('[InboxKit] the part could not load', expect.any(Error));
    // Still needed, still missing: no second request on its own, on idle or otherwise.
    await act(async () => new Promise((resolve) => setTimeout(resolve, 400)));
    expect(importer).toHaveBeenCalledTimes(1);
    expect(hook.result.current).toBeUndefined();

    hook.rerender({ needed: false });
    hook.rerender({ needed: true });
    expect(importer).toHaveBeenCalledTimes(2);
    await act(async () => attempts[1]!.resolve({ part: 'panel' }));
    expect(hook.result.current).toEqual({ part: 'panel' });
  });
});
