import type { InboxStore } from '../store/createInboxStore.js';
import { useStoreContext } from './storeContext.js';

/** The inbox's store, for hosts building their own parts on it. */
export function useInboxStore(): InboxStore {
  return useStoreContext('useInboxStore').store;
}
