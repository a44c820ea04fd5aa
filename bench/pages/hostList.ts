import { useEffect, useState } from 'react';
import type { Conversation } from '../../src/core/types.js';

/**
 * Host-managed data for a page: the list lives in React state, and the
 * benchmark's update step reads and sets it through `handle` (filled after
 * each commit).
 */
export function createHostList() {
  const handle: { initial: Conversation[]; list: Conversation[]; set: (list: Conversation[]) => void } = { initial: [], list: [], set: () => {} };
  function useHostList(): Conversation[] {
    const [list, set] = useState(handle.initial);
    useEffect(() => {
      handle.list = list;
      handle.set = set;
    }, [list]);
    return list;
  }
  return { handle, useHostList };
}
