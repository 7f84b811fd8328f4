/** Short messages near the bottom of the canvas (a refused connection, saved, a failed request). */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useMillrace } from './app-context';

const LIFETIME = { info: 4000, success: 2500, error: 7000 } as const;

export function Toasts() {
  const toasts = useMillrace(useShallow((s) => s.toasts));
  const dismiss = useMillrace((s) => s.dismissToast);
  useEffect(() => {
    const timers = toasts.map((t) => setTimeout(() => dismiss(t.id), LIFETIME[t.kind]));
    return () => timers.forEach(clearTimeout);
  }, [toasts, dismiss]);
  if (toasts.length === 0) return null;
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.kind}`} data-testid={`toast-${t.kind}`}>
          <span>{t.message}</span>
          <button type="button" onClick={() => dismiss(t.id)} aria-label="Dismiss" title="Dismiss">
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
