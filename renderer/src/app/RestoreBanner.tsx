/** After opening: unsaved changes from an earlier session are offered back, never applied by themselves. */
import { useApp, useMillrace } from './app-context';

export function RestoreBanner() {
  const { commands } = useApp();
  const offer = useMillrace((s) => s.restoreOffer);
  if (!offer) return null;
  return (
    <div className="restore-banner" role="alert" data-testid="restore-banner">
      <span>Restore unsaved changes from {new Date(offer.savedAt).toLocaleString()}?</span>
      <button type="button" className="btn primary" onClick={commands.restoreAutosave} data-testid="restore-accept">
        Restore
      </button>
      <button type="button" className="btn outline" onClick={commands.discardAutosave} data-testid="restore-discard">
        Discard
      </button>
    </div>
  );
}
