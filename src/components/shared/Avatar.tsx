import { memo, useCallback, useState } from 'react';
import { safeAvatarUrl } from '../../core/ids.js';
import { colourSlot, initials } from './format.js';

interface AvatarProps {
  name: string;
  /** Seeds the fallback colour, so one contact keeps one colour. */
  seed: string;
  url?: string | undefined;
  size?: 'sm' | 'md' | 'lg' | undefined;
}

/**
 * A contact's picture, used only for http(s) URLs (never `javascript:` or
 * `data:`), falling back to initials on a stable colour when there is none
 * or it fails to load. The picture stays invisible until it has loaded, so
 * a broken one never shows the browser's broken-image icon. Decorative: the
 * name is always shown next to it.
 */
export const Avatar = /* @__PURE__ */ memo(function Avatar({ name, seed, url, size = 'md' }: AvatarProps) {
  const safe = safeAvatarUrl(url);
  const [failed, setFailed] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<string | null>(null);
  const showImage = safe !== undefined && failed !== safe;
  // An image already in the cache may finish before React listens for `load` (e.g. after hydration).
  const checkComplete = useCallback(
    (img: HTMLImageElement | null) => {
      if (img?.complete && img.naturalWidth > 0 && safe !== undefined) setLoaded(safe);
    },
    [safe],
  );
  return (
    <span className="ik-avatar" data-slot="avatar" data-size={size} data-colour={colourSlot(seed)} aria-hidden="true">
      {showImage ? (
        <img
          ref={checkComplete}
          className="ik-avatar-image"
          data-loaded={loaded === safe ? '' : undefined}
          src={safe}
          alt=""
          loading="lazy"
          decoding="async"
          referrerPolicy="no-referrer"
          onLoad={() => setLoaded(safe)}
          onError={() => setFailed(safe)}
        />
      ) : (
        <span className="ik-avatar-initials">{initials(name)}</span>
      )}
    </span>
  );
});
