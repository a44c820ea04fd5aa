import { startTransition, useEffect, useLayoutEffect, useRef, useState } from 'react';

/**
 * A part of the UI whose code is fetched apart from the first paint: once per
 * page, on idle or on first use. Only the module is cached here, never inbox
 * state; a failed download may be tried again.
 */
export interface LazyCode<M> {
  /** Starts (or joins) the download. */
  load: () => Promise<M>;
  /** The module, once it is here. */
  loaded: () => M | undefined;
}

/** Wraps a dynamic import. Pure, so a host that never renders the part drops its import. */
/*#__NO_SIDE_EFFECTS__*/
export function lazyCode<M>(importer: () => Promise<M>): LazyCode<M> {
  let loading: Promise<M> | undefined;
  let module: M | undefined;
  return {
    load: () =>
      (loading ??= importer().then(
        (arrived) => (module = arrived),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      )),
    loaded: () => module,
  };
}

/** Runs `task` when the browser is idle (or soon, where it has no requestIdleCallback); returns a cancel. */
export function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(task, { timeout: 2000 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(task, 200);
  return () => window.clearTimeout(handle);
}

/**
 * The part's module once it may render: fetched when the browser is first
 * idle, or at once whenever `needed` turns true. `undefined` on the server and
 * in the first client render alike, so hydration matches; a part mounted after
 * its code arrived gets it before paint. A failed download is logged and
 * tried again the next time `needed` turns true (never in a loop); `onFailure`
 * runs after it is logged (e.g. to close what was waiting for the code).
 */
export function useLazyCode<M>(code: LazyCode<M>, needed: boolean, name: string, onFailure?: () => void): M | undefined {
  const [module, setModule] = useState<M | undefined>(undefined);
  const idleTried = useRef(false);
  // The latest callback, without restarting a download when it is a new function.
  const failed = useRef(onFailure);
  useLayoutEffect(() => {
    failed.current = onFailure;
  });
  useLayoutEffect(() => {
    const arrived = code.loaded();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- before paint, once, and only when the code is already here
    if (module === undefined && arrived !== undefined) setModule(() => arrived);
  }, [code, module]);
  useEffect(() => {
    if (module !== undefined || (!needed && idleTried.current)) return;
    let live = true;
    const fetchCode = () => {
      code.load().then(
        (arrived) => live && startTransition(() => setModule(() => arrived)),
        (reason: unknown) => {
          if (!live) return;
          console.error(`[InboxKit] ${name} could not load`, reason);
          failed.current?.();
        },
      );
    };
    if (needed) {
      fetchCode();
      return () => {
        live = false;
      };
    }
    const cancel = whenIdle(() => {
      idleTried.current = true;
      fetchCode();
    });
    return () => {
      live = false;
      cancel();
    };
  }, [code, module, needed, name]);
  return module;
}
