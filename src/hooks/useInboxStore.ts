import type { InboxStore } from '../store/createInboxStore.js';
import { useInboxContext } from './context.js';

/** The inbox's store, for hosts building their own parts on it. */
export function useInboxStore(): InboxStore {
  return useInboxContext('useInboxStore').store;
}
