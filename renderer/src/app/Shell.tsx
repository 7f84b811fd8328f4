/** The window: toolbar on top, palette left, canvas (or YAML) in the middle, details right, data below. */
import { Canvas } from '../canvas/Canvas';
import { Palette } from '../palette/Palette';
import type { EventHub } from '../store/event-hub';
import { Toolbar } from '../toolbar/Toolbar';
import { useApp, useMillrace } from './app-context';
import { BottomPanel } from './BottomPanel';
import { HelpOverlay } from './HelpOverlay';
import { MessagesDialog } from './MessagesDialog';
import { RunHistory, YamlView } from './mounted';
import { NodeDetails } from './NodeDetails';
import { OpenDialog } from './OpenDialog';
import { RestoreBanner } from './RestoreBanner';
import { SaveAsDialog } from './SaveAsDialog';
import { StatusBar } from './StatusBar';
import { Toasts } from './Toasts';
import { useShortcuts } from './use-shortcuts';
import { Welcome } from './Welcome';
import { withLayout } from '../canvas/auto-layout';
import { usePlatform } from '../platform/use-platform';
import './app.css';
import './dialogs.css';

function Centre() {
  const { client, store, nodeTypes } = useApp();
  const centre = useMillrace((s) => s.centre);
  const historyOpen = useMillrace((s) => s.historyOpen);
  const document = useMillrace((s) => s.document);
  const path = useMillrace((s) => s.path);
  const runVersion = useMillrace((s) => s.run.version);
  return (
    <div className="centre-main">
      {/* The canvas stays mounted (and keeps its viewport) while the YAML view is shown. */}
      <div className={`centre-view${centre === 'canvas' ? '' : ' behind'}`}>
        <Canvas />
      </div>
      {centre === 'yaml' && (
        <div className="centre-view nokey" data-testid="yaml-view-container">
          <YamlView
            client={client}
            document={document}
            path={path}
            onApply={(next) => store.getState().apply({ kind: 'replace', document: withLayout(next, nodeTypes) }, { coalesceKey: 'yaml-edit' })}
          />
        </div>
      )}
      {historyOpen && (
        <div className="history-drawer" data-testid="run-history-drawer">
          <RunHistory client={client} path={path} refreshKey={runVersion} onClose={() => store.getState().setUi({ historyOpen: false })} />
        </div>
      )}
      <Toasts />
    </div>
  );
}

function Dialogs() {
  const dialog = useMillrace((s) => s.dialog);
  const helpOpen = useMillrace((s) => s.helpOpen);
  const setUi = useMillrace((s) => s.setUi);
  const close = () => setUi({ dialog: null });
  return (
    <>
      {dialog?.kind === 'open' && <OpenDialog onClose={close} />}
      {dialog?.kind === 'save-as' && <SaveAsDialog onClose={close} />}
      {dialog?.kind === 'import-errors' && <MessagesDialog title={dialog.title} messages={dialog.messages} onClose={close} />}
      {helpOpen && <HelpOverlay onClose={() => setUi({ helpOpen: false })} />}
    </>
  );
}

export function Shell({ events }: { events: EventHub['subscribe'] }) {
  useShortcuts();
  usePlatform();
  const open = useMillrace((s) => s.open);
  const dataPanelOpen = useMillrace((s) => s.dataPanelOpen);
  const busy = useMillrace((s) => s.busy);
  return (
    <div className="app" aria-busy={busy !== null}>
      <Toolbar />
      <RestoreBanner />
      {open ? (
        <div className="workspace">
          <Palette />
          <main className="centre">
            <Centre />
            {dataPanelOpen && <BottomPanel events={events} />}
          </main>
          <NodeDetails />
        </div>
      ) : (
        <div className="workspace">
          <Welcome />
          <Toasts />
        </div>
      )}
      <StatusBar />
      <Dialogs />
    </div>
  );
}
