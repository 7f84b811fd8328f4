import { useEffect, useState } from 'react';

/**
 * A fetch key that follows `key` at once when `identity` (which node, which port) changes, and
 * only after `delayMs` of quiet when the same node's params are being edited — typing in the
 * inspector must not fire a preview per keystroke.
 */
export function useSettledKey(key: string | null, identity: string | null, delayMs = 400): string | null {
  const [settled, setSettled] = useState({ key, identity });
  useEffect(() => {
    if (settled.key === key && settled.identity === identity) return;
    if (settled.identity !== identity) {
      setSettled({ key, identity });
      return;
    }
    const timer = setTimeout(() => setSettled({ key, identity }), delayMs);
    return () => clearTimeout(timer);
  }, [key, identity, delayMs, settled]);
  return settled.identity !== identity ? key : settled.key;
}
