/** File ▸ Save as: a path inside the served folder, ending in .yaml. */
import { useState } from 'react';
import { useApp, useMillrace } from './app-context';
import { yamlPath } from './commands';
import { Dialog } from './Dialog';

export function SaveAsDialog({ onClose }: { onClose(): void }) {
  const { commands } = useApp();
  const current = useMillrace((s) => s.path);
  const name = useMillrace((s) => s.document.name);
  const [path, setPath] = useState(current ?? `${name === 'untitled' ? 'pipeline' : name}.yaml`);
  const [saving, setSaving] = useState(false);
  const valid = path.trim() !== '' && !path.includes('..');

  const save = async () => {
    if (!valid) return;
    setSaving(true);
    const ok = await commands.saveAs(path);
    setSaving(false);
    if (ok) onClose();
  };

  return (
    <Dialog
      title="Save as"
      onClose={onClose}
      testId="save-as-dialog"
      footer={
        <>
          <button type="button" className="btn outline" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn primary" onClick={() => void save()} disabled={!valid || saving} data-testid="save-as-confirm">
            {saving ? 'Saving…' : 'Save'}
          </button>
        </>
      }
    >
      <label className="field">
        <span>File, relative to the served folder</span>
        <input
          className={`text-input${valid ? '' : ' invalid'}`}
          value={path}
          onChange={(e) => setPath(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && void save()}
          spellCheck={false}
          data-testid="save-as-path"
        />
      </label>
      <p className="muted small">
        Will be saved as <code>{valid ? yamlPath(path) : '…'}</code>. Relative paths inside the pipeline (data files) are read from the file's folder.
      </p>
    </Dialog>
  );
}
