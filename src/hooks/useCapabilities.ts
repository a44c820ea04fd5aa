import type { AdapterCapabilities } from '../core/types.js';
import { useStoreContext } from './storeContext.js';

/** What the backend can do; offer nothing it lacks. */
export function useCapabilities(): AdapterCapabilities {
  return useStoreContext('useCapabilities').store.capabilities;
}
