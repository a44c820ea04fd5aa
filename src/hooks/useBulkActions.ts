import { useCallback, useEffect, useRef, useState } from 'react';
import type { BulkAction, BulkOptions, BulkResult } from '../store/bulk.js';
import { useStoreContext } from './storeContext.js';

export interface BulkActionsResult {
  /** Runs `action` on every id (at most 4 requests at once); resolves to one result per id. A new run stops none already running. */
  run: (ids: readonly string[], action: BulkAction, options?: Omit<BulkOptions, 'signal'>) => Promise<BulkResult[]>;
  /** Stops the running batch: what was sent stays sent, the rest is left untouched (`skipped`). */
  stop: () => void;
  /** Whether a batch started here is still running. */
  running: boolean;
  /** The last finished batch's results, or `null`. */
  results: readonly BulkResult[] | null;
  /** Forgets `results`. */
  reset: () => void;
}

/** Bulk assign and resolve over the store's `bulk`, with a way to stop. */
export function useBulkActions(): BulkActionsResult {
  const { store } = useStoreContext('useBulkActions');
  const controller = useRef<AbortController | null>(null);
  const [running, setRunning] = useState(false);
  const [results, setResults] = useState<readonly BulkResult[] | null>(null);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const run = useCallback<BulkActionsResult['run']>(
    async (ids, action, options) => {
      const own = new AbortController();
      controller.current = own;
      setRunning(true);
      setResults(null);
      const outcome = await store.bulk(ids, action, { ...options, signal: own.signal });
      if (live.current && controller.current === own) {
        controller.current = null;
        setRunning(false);
        setResults(outcome);
      }
      return outcome;
    },
    [store],
  );
  const stop = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => setResults(null), []);
  return { run, stop, running, results, reset };
}
