import type { AdapterCapabilities } from '../core/types.js';
import { useInboxContext } from './context.js';

/** What the backend can do; offer nothing it lacks. */
export function useCapabilities(): AdapterCapabilities {
  return useInboxContext('useCapabilities').store.capabilities;
}
