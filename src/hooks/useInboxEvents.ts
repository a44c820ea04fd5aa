import { useEffect, useRef } from 'react';
import type { InboxEventListener } from '../store/events.js';
import { useStoreContext } from './storeContext.js';

/** Calls `listener` for every inbox event (conversation.updated, mutation.failed, …). The latest listener is always used. */
export function useInboxEvents(listener: InboxEventListener): void {
  const { store } = useStoreContext('useInboxEvents');
  const ref = useRef(listener);
  useEffect(() => {
    ref.current = listener;
  });
  useEffect(() => store.subscribe((event) => ref.current(event)), [store]);
}
