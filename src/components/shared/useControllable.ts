import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * One small helper for controlled-or-uncontrolled values (`value` /
 * `defaultValue` / `onValueChange`), used for selection, menus and filters.
 */
export function useControllable<T>(value: T | undefined, defaultValue: T, onChange: ((next: T) => void) | undefined): [T, (next: T) => void] {
  const [inner, setInner] = useState(defaultValue);
  const controlled = value !== undefined;
  const current = controlled ? value : inner;
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  const set = useCallback(
    (next: T) => {
      if (!controlled) setInner(next);
      onChangeRef.current?.(next);
    },
    [controlled],
  );
  return [current, set];
}
