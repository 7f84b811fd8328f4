/** The top toolbar: file, edit, view and run actions, each with a tooltip naming its shortcut. */
import { useRef } from 'react';
import { useApp, useMillrace } from '../app/app-context';
import { SHORTCUTS } from '../app/shortcuts';
import { useCanvasActions } from '../canvas/use-canvas-actions';
import { PipelineTitle } from './PipelineTitle';
import { ToolButton } from './ToolButton';
import './toolbar.css';

export function Toolbar() {
  const { commands, store, platform } = useApp();
  const canvas = useCanvasActions();
  const importInput = useRef<HTMLInputElement>(null);
  const open = useMillrace((s) => s.open);
  const canUndo = useMillrace((s) => s.history.past.length > 0);
  const canRedo = useMillrace((s) => s.history.future.length > 0);
  const centre = useMillrace((s) => s.centre);
  const running = useMillrace((s) => s.run.running || s.run.requesting);
  const selected = useMillrace((s) => (s.selectedNodes.length === 1 ? s.selectedNodes[0] : undefined));
  const historyOpen = useMillrace((s) => s.historyOpen);
  const dataPanelOpen = useMillrace((s) => s.dataPanelOpen);
  const hasNodes = useMillrace((s) => s.document.nodes.length > 0);
  const state = () => store.getState();

  return (
    <header className="toolbar" data-testid="toolbar">
      <div className="brand" title="Millrace">
        <span className="brand-mark" aria-hidden="true" />
        Millrace
      </div>
      {open && <PipelineTitle />}
      <div className="toolbar-group">
        <ToolButton icon="open" what="Open a pipeline" shortcut={SHORTCUTS.open} onClick={() => platform.open()} testId="toolbar-open" />
        <ToolButton icon="save" what="Save" shortcut={SHORTCUTS.save} onClick={() => void platform.save()} disabled={!open} testId="toolbar-save" />
        <ToolButton icon="saveAs" what="Save as…" shortcut={SHORTCUTS.saveAs} onClick={() => void platform.saveAs()} disabled={!open} testId="toolbar-save-as" />
        <ToolButton icon="import" what="Import a YAML file" onClick={() => importInput.current?.click()} testId="toolbar-import" />
        <ToolButton icon="export" what={platform.exportWhat} onClick={() => void platform.exportYaml()} disabled={!open} testId="toolbar-export" />
        <input
          ref={importInput}
          type="file"
          accept=".yaml,.yml,application/yaml,text/yaml"
          hidden
          data-testid="import-file-input"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) await commands.importYaml(await file.text(), file.name);
          }}
        />
      </div>
      {open && (
        <>
          <div className="toolbar-group">
            <ToolButton icon="undo" what="Undo" shortcut={SHORTCUTS.undo} onClick={() => state().undo()} disabled={!canUndo} testId="toolbar-undo" />
            <ToolButton icon="redo" what="Redo" shortcut={SHORTCUTS.redo} onClick={() => state().redo()} disabled={!canRedo} testId="toolbar-redo" />
          </div>
          <div className="toolbar-group">
            <div className="segmented" role="tablist" aria-label="View">
              <button type="button" role="tab" aria-selected={centre === 'canvas'} className={centre === 'canvas' ? 'on' : ''} onClick={() => state().setUi({ centre: 'canvas' })} title={`Canvas (${SHORTCUTS.yaml} switches)`} data-testid="view-canvas">
                Canvas
              </button>
              <button type="button" role="tab" aria-selected={centre === 'yaml'} className={centre === 'yaml' ? 'on' : ''} onClick={() => state().setUi({ centre: 'yaml' })} title={`YAML (${SHORTCUTS.yaml} switches)`} data-testid="view-yaml">
                YAML
              </button>
            </div>
            <ToolButton icon="layout" what="Auto-layout, left to right" shortcut={SHORTCUTS.layout} onClick={canvas.autoLayout} disabled={centre !== 'canvas' || !hasNodes} testId="toolbar-auto-layout" />
            <ToolButton icon="fit" what="Fit the pipeline in view" shortcut={SHORTCUTS.fit} onClick={canvas.fitView} disabled={centre !== 'canvas'} testId="toolbar-fit-view" />
          </div>
          <div className="toolbar-group">
            <ToolButton icon="play" label="Run all" what="Run the whole pipeline" shortcut={SHORTCUTS.runAll} onClick={() => void commands.run()} disabled={running || !hasNodes} variant="primary" testId="toolbar-run-all" />
            <ToolButton
              icon="playTo"
              label="Run to selected"
              what={selected ? `Run "${selected}" and what it needs` : 'Select one node to run it and what it needs'}
              shortcut={SHORTCUTS.runToSelected}
              onClick={() => selected && void commands.run(selected)}
              disabled={running || !selected}
              testId="toolbar-run-selected"
            />
            <ToolButton icon="stop" what="Cancel the run" shortcut={SHORTCUTS.cancel} onClick={() => void commands.cancelRun()} disabled={!running} variant="danger" testId="toolbar-cancel" />
          </div>
        </>
      )}
      <div className="toolbar-spacer" />
      {open && (
        <div className="toolbar-group">
          <ToolButton icon="panel" what="Show or hide the data panel" shortcut={SHORTCUTS.dataPanel} onClick={() => state().setUi({ dataPanelOpen: !dataPanelOpen })} active={dataPanelOpen} testId="toolbar-data-panel" />
          <ToolButton icon="history" label="History" what="Run history" onClick={() => state().setUi({ historyOpen: !historyOpen })} active={historyOpen} testId="toolbar-history" />
        </div>
      )}
      <ToolButton icon="help" what="Keyboard shortcuts and help" shortcut={SHORTCUTS.help} onClick={() => state().setUi({ helpOpen: true })} testId="toolbar-help" />
    </header>
  );
}
