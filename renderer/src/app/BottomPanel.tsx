/** The data panel under the canvas, for the selected node; its height is dragged with the bar above it. */
import { useCallback, useRef, type PointerEvent } from 'react';
import { useApp, useMillrace } from './app-context';
import { DataPanel } from './mounted';
import type { EventHub } from '../store/event-hub';

const MIN_HEIGHT = 120;

export function BottomPanel({ events }: { events: EventHub['subscribe'] }) {
  const { client, nodeTypes, store, commands } = useApp();
  const height = useMillrace((s) => s.dataPanelHeight);
  const document = useMillrace((s) => s.document);
  const path = useMillrace((s) => s.path);
  const runVersion = useMillrace((s) => s.run.version);
  const nodeId = useMillrace((s) => (s.selectedNodes.length === 1 ? (s.selectedNodes[0] ?? null) : null));
  const nodeType = nodeTypes.get(document.nodes.find((n) => n.id === nodeId)?.type ?? '');
  const drag = useRef<{ startY: number; startHeight: number } | null>(null);

  const onPointerDown = useCallback(
    (event: PointerEvent<HTMLDivElement>) => {
      event.currentTarget.setPointerCapture(event.pointerId);
      drag.current = { startY: event.clientY, startHeight: store.getState().dataPanelHeight };
    },
    [store],
  );
  const onPointerMove = useCallback(
    (event: PointerEvent<HTMLDivElement>) => {
      if (!drag.current) return;
      const max = Math.max(MIN_HEIGHT, window.innerHeight - 220);
      const next = Math.min(max, Math.max(MIN_HEIGHT, drag.current.startHeight - (event.clientY - drag.current.startY)));
      store.getState().setUi({ dataPanelHeight: Math.round(next) });
    },
    [store],
  );
  const onPointerUp = useCallback(() => {
    drag.current = null;
  }, []);

  return (
    <section className="bottom-panel" style={{ height }} aria-label="Data" data-testid="bottom-panel">
      <div
        className="splitter"
        role="separator"
        aria-orientation="horizontal"
        aria-label="Resize the data panel"
        title="Drag to resize"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onDoubleClick={() => store.getState().setUi({ dataPanelHeight: 300 })}
        data-testid="data-panel-splitter"
      />
      <div className="bottom-panel-body">
        <DataPanel client={client} document={document} path={path} nodeId={nodeId} nodeType={nodeType} runVersion={runVersion} events={events} onRunToHere={(id) => void commands.run(id)} />
      </div>
    </section>
  );
}
