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
  return (
    <span className="ik-avatar" data-slot="avatar" data-size={size} data-colour={colourSlot(seed)} aria-hidden="true">
      {/* Initials alone hold no state: a list of rows without pictures mounts no picture machinery. */}
      {safe === undefined ? <span className="ik-avatar-initials">{initials(name)}</span> : <Picture key={safe} url={safe} name={name} />}
    </span>
  );
});

/** The picture of one URL (a new URL is a new picture: loading and failure start over), or the initials once it fails. */
function Picture({ url, name }: { url: string; name: string }) {
  const [failed, setFailed] = useState(false);
  const [loaded, setLoaded] = useState(false);
  // An image already in the cache may finish before React listens for `load` (e.g. after hydration).
  const checkComplete = useCallback((img: HTMLImageElement | null) => {
    if (img?.complete && img.naturalWidth > 0) setLoaded(true);
  }, []);
  if (failed) return <span className="ik-avatar-initials">{initials(name)}</span>;
  return (
    <img
      ref={checkComplete}
      className="ik-avatar-image"
      data-loaded={loaded ? '' : undefined}
      src={url}
      alt=""
      loading="lazy"
      decoding="async"
      referrerPolicy="no-referrer"
      onLoad={() => setLoaded(true)}
      onError={() => setFailed(true)}
    />
  );
}
