import { useCallback } from 'react';
import type { Ref, RefCallback } from 'react';
import { useInboxContext } from '../../hooks/context.js';

/**
 * Where a held list says what waits above it: a live region that is always
 * there (so a screen reader hears "3 new" when it changes), holding the
 * button that brings them in once there are any.
 */
export function NewRows({ count, onShow }: { count: number; onShow: () => void }) {
  const { messages } = useInboxContext('ConversationList');
  return (
    <div className="ik-list-news" data-slot="new-rows" role="status">
      {count > 0 && (
        <button type="button" className="ik-button ik-list-news-button" data-size="sm" onClick={onShow}>
          <svg className="ik-list-news-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
            <path d="M8 13V3M3.5 7.5 8 3l4.5 4.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          {/* Its own direction: an English label in a right-to-left page still reads "3 new". */}
          <bdi>{messages.newRows(count)}</bdi>
        </button>
      )}
    </div>
  );
}

function setRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) (ref as { current: T | null }).current = value;
}

/** One ref callback setting both refs (ours and the host's). */
export function useMergedRef<T>(own: RefCallback<T>, other: Ref<T> | undefined): RefCallback<T> {
  return useCallback(
    (value: T | null) => {
      own(value);
      setRef(other, value);
    },
    [own, other],
  );
}
