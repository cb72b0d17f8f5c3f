/**
 * The one polite live region of the screen; it speaks what the announcer lets out.
 */
import { useEffect, useState } from 'react';
import { useAnnouncer } from './announcer-context';

/** A visually hidden role=status region fed by the rate-limited announcer. */
export function LiveRegion() {
  const announcer = useAnnouncer();
  const [message, setMessage] = useState('');
  useEffect(() => announcer.subscribe(setMessage), [announcer]);
  return (
    <div
      className="visually-hidden"
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="live-region"
    >
      {message}
    </div>
  );
}
