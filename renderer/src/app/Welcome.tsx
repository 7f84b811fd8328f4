/** The first screen when no pipeline is open: open an example or start a new pipeline. */
import { useEffect, useState } from 'react';
import { useApp } from './app-context';
import { Icon } from './Icon';
import { PipelineList } from './PipelineList';

export function Welcome() {
  const { commands, client } = useApp();
  const [unsaved, setUnsaved] = useState<string | null>(null);

  // A new pipeline that was never saved lives in the "untitled" autosave slot: offer it back.
  useEffect(() => {
    let live = true;
    client.loadAutosave('untitled').then(
      (saved) => live && saved.document && saved.document.nodes.length > 0 && setUnsaved(saved.savedAt),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);

  return (
    <div className="welcome" data-testid="welcome">
      <div className="welcome-box">
        <h1>Build a pipeline</h1>
        <p className="muted">
          Drag nodes onto a canvas, wire them, and see the data and the profile of every column at each step. Pipelines are saved as YAML that
          also runs with <code>millrace run</code>.
        </p>
        <div className="welcome-actions">
          <button type="button" className="btn primary" onClick={() => commands.newPipeline()} data-testid="welcome-new">
            <Icon name="plus" /> New pipeline
          </button>
          {unsaved && (
            <button type="button" className="btn outline" onClick={() => void commands.continueUntitled()} data-testid="welcome-restore-untitled" title="A new pipeline you did not save">
              Continue the unsaved pipeline from {new Date(unsaved).toLocaleString()}
            </button>
          )}
        </div>
        <h2>Open example</h2>
        <PipelineList onOpen={(path) => void commands.openPath(path)} />
      </div>
    </div>
  );
}
