import { memo, useState } from 'react';
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
 * or it fails to load. Decorative: the name is always shown next to it.
 */
export const Avatar = memo(function Avatar({ name, seed, url, size = 'md' }: AvatarProps) {
  const safe = safeAvatarUrl(url);
  const [failed, setFailed] = useState<string | null>(null);
  const showImage = safe !== undefined && failed !== safe;
  return (
    <span className="ik-avatar" data-slot="avatar" data-size={size} data-colour={colourSlot(seed)} aria-hidden="true">
      {showImage ? (
        <img className="ik-avatar-image" src={safe} alt="" loading="lazy" decoding="async" referrerPolicy="no-referrer" onError={() => setFailed(safe)} />
      ) : (
        <span className="ik-avatar-initials">{initials(name)}</span>
      )}
    </span>
  );
});
