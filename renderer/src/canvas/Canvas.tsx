/** The pipeline canvas: React Flow showing the document, with every edit sent to the store as a change. */
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  ReactFlow,
  useNodesInitialized,
  useReactFlow,
  type EdgeChange,
  type NodeChange,
  type OnDelete,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Position } from '../../../engine/pipeline/document';
import { useApp, useMillrace } from '../app/app-context';
import { isTypingTarget } from '../app/shortcuts';
import { PALETTE_MIME } from '../palette/palette-drag';
import { CARD_WIDTH } from './auto-layout';
import './canvas.css';
import { EmptyCanvasHint } from './EmptyCanvasHint';
import { NodeCard } from './NodeCard';
import { buildEdges, buildNodes, parseEdgeId, type CardNode, type FlowEdge, type Measured } from './to-flow';
import { useCanvasActions } from './use-canvas-actions';
import { readableViewport } from './viewport';
import { useConnections } from './use-connections';

const nodeTypesForFlow = { card: NodeCard };
const MINIMAP_COLOURS: Record<string, string> = { source: '#4c8bd8', transform: '#8a6bd1', quality: '#d08a2c', ml: '#d0527c', sink: '#4aa37b' };

export function Canvas() {
  const { store, nodeTypes } = useApp();
  const flow = useReactFlow<CardNode, FlowEdge>();
  const actions = useCanvasActions();
  const document = useMillrace((s) => s.document);
  const selectedNodes = useMillrace((s) => s.selectedNodes);
  const selectedEdges = useMillrace((s) => s.selectedEdges);
  const validatedPorts = useMillrace((s) => s.validation.ports);
  const loadCount = useMillrace((s) => s.loadCount);
  const running = useMillrace(useShallow((s) => Object.keys(s.run.nodes).filter((id) => s.run.nodes[id]?.phase === 'running')));
  const [measured, setMeasured] = useState<ReadonlyMap<string, Measured>>(new Map());
  const previous = useRef(new Map<string, CardNode>());
  const dragKey = useRef<string | undefined>(undefined);
  const pointer = useRef<Position | undefined>(undefined);
  const connections = useConnections();

  const nodes = useMemo(() => {
    const built = buildNodes(document, new Set(selectedNodes), measured, previous.current);
    previous.current = new Map(built.map((n) => [n.id, n]));
    return built;
  }, [document, selectedNodes, measured]);
  const edges = useMemo(() => buildEdges(document, nodeTypes, validatedPorts, new Set(selectedEdges), new Set(running)), [document, nodeTypes, validatedPorts, selectedEdges, running]);

  // A newly opened pipeline is shown once its cards have been measured: whole if it fits at a
  // readable size, else from its sources (left) at a readable size, the minimap showing the rest.
  const initialized = useNodesInitialized();
  const fittedLoad = useRef(0);
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (loadCount === fittedLoad.current || (!initialized && document.nodes.length > 0)) return;
    fittedLoad.current = loadCount;
    const pane = container.current?.getBoundingClientRect();
    const placed = flow.getNodes();
    if (!pane || placed.length === 0) return;
    const view = readableViewport(flow.getNodesBounds(placed), pane);
    if (view) void flow.setViewport(view);
    else void flow.fitView({ padding: 0.15, maxZoom: 1.1 });
  }, [loadCount, initialized, flow, document.nodes.length]);

  const onNodesChange = useCallback(
    (changes: NodeChange<CardNode>[]) => {
      const state = store.getState();
      const positions: Record<string, Position> = {};
      let selection: Set<string> | undefined;
      const sizes = new Map<string, Measured>();
      for (const change of changes) {
        if (change.type === 'position' && change.position) positions[change.id] = change.position;
        else if (change.type === 'select') {
          selection ??= new Set(state.selectedNodes);
          if (change.selected) selection.add(change.id);
          else selection.delete(change.id);
        } else if (change.type === 'dimensions' && change.dimensions) sizes.set(change.id, { width: change.dimensions.width, height: change.dimensions.height });
      }
      if (Object.keys(positions).length > 0) state.apply({ kind: 'move-nodes', positions }, { coalesceKey: dragKey.current ?? `move-${Date.now()}` });
      if (selection) state.select([...selection], state.selectedEdges);
      if (sizes.size > 0) {
        setMeasured((old) => {
          const next = new Map(old);
          for (const [id, size] of sizes) {
            const known = old.get(id);
            if (!known || known.width !== size.width || known.height !== size.height) next.set(id, size);
          }
          return next.size === old.size && [...sizes].every(([id]) => next.get(id) === old.get(id)) ? old : next;
        });
      }
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdge>[]) => {
      const state = store.getState();
      let selection: Set<string> | undefined;
      for (const change of changes) {
        if (change.type !== 'select') continue;
        selection ??= new Set(state.selectedEdges);
        if (change.selected) selection.add(change.id);
        else selection.delete(change.id);
      }
      if (selection) state.select(state.selectedNodes, [...selection]);
    },
    [store],
  );

  const onDelete: OnDelete<CardNode, FlowEdge> = useCallback(
    ({ nodes: gone, edges: cut }) => {
      store.getState().apply({ kind: 'remove', nodes: gone.map((n) => n.id), edges: cut.map((e) => parseEdgeId(e.id)) });
    },
    [store],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(PALETTE_MIME);
      if (!type) return;
      event.preventDefault();
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      actions.addNode(type, { x: Math.round(at.x - CARD_WIDTH / 2), y: Math.round(at.y - 20) });
    },
    [flow, actions],
  );

  // Copy, cut and paste through the system clipboard, so nodes travel between pipelines and tabs.
  useEffect(() => {
    const blocked = (event: ClipboardEvent) => isTypingTarget(event.target) || (window.getSelection()?.toString() ?? '') !== '';
    const onCopy = (event: ClipboardEvent) => {
      if (blocked(event)) return;
      const text = event.type === 'cut' ? actions.cutSelection() : actions.copySelection();
      if (!text) return;
      event.clipboardData?.setData('text/plain', text);
      event.preventDefault();
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isTypingTarget(event.target) || !store.getState().open || store.getState().centre !== 'canvas') return;
      const at = pointer.current ? { x: pointer.current.x - CARD_WIDTH / 2, y: pointer.current.y - 20 } : undefined;
      if (actions.paste(event.clipboardData?.getData('text/plain'), at)) event.preventDefault();
    };
    window.addEventListener('copy', onCopy);
    window.addEventListener('cut', onCopy);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('copy', onCopy);
      window.removeEventListener('cut', onCopy);
      window.removeEventListener('paste', onPaste);
    };
  }, [actions, store]);

  return (
    <div className="canvas" data-testid="canvas" ref={container}>
      <ReactFlow<CardNode, FlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypesForFlow}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onDelete={onDelete}
        onConnect={connections.onConnect}
        onConnectEnd={connections.onConnectEnd}
        isValidConnection={connections.isValidConnection}
        onNodeDragStart={() => {
          dragKey.current = `drag-${Date.now()}`;
        }}
        onSelectionDragStart={() => {
          dragKey.current = `drag-${Date.now()}`;
        }}
        onNodeDragStop={() => {
          dragKey.current = undefined;
        }}
        onSelectionDragStop={() => {
          dragKey.current = undefined;
        }}
        onDragOver={onDragOver}
        onDrop={onDrop}
        onPaneMouseMove={(event) => {
          pointer.current = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
        }}
        onPaneMouseLeave={() => {
          pointer.current = undefined;
        }}
        deleteKeyCode={['Delete', 'Backspace']}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        minZoom={0.15}
        maxZoom={2}
        snapToGrid
        snapGrid={[4, 4]}
        defaultEdgeOptions={{ interactionWidth: 16 }}
        connectionRadius={24}
        attributionPosition="bottom-left"
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1} color="#cfd5dd" />
        <Controls showInteractive={false} position="top-left" />
        <MiniMap
          pannable
          zoomable
          nodeColor={(n) => MINIMAP_COLOURS[nodeTypes.get((n as CardNode).data.node.type)?.category ?? ''] ?? '#aab'}
          nodeStrokeWidth={0}
          maskColor="#f6f7f980"
          ariaLabel="Overview of the pipeline"
          style={{ width: 168, height: 112 }}
        />
      </ReactFlow>
      {document.nodes.length === 0 && <EmptyCanvasHint />}
    </div>
  );
}
