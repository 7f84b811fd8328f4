/**
 * The pipeline canvas: React Flow showing the document, with every edit sent to the store as a change.
 * Built to stay smooth with 1000 nodes: in a big pipeline only the cards and edges in view are in
 * the DOM, unchanged cards and edges keep their objects (so they do not re-render), and a drag
 * moves cards in local state, committing one move to the document when it ends.
 */
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
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Position } from '../../../engine/pipeline/document';
import { useApp, useMillrace } from '../app/app-context';
import { isTypingTarget } from '../app/shortcuts';
import { PALETTE_MIME } from '../palette/palette-drag';
import { CARD_WIDTH } from './auto-layout';
import './canvas.css';
import { EmptyCanvasHint } from './EmptyCanvasHint';
import { NodeCard } from './NodeCard';
import { mergeSizes, nextDragged, NOT_DRAGGED, sortNodeChanges } from './node-changes';
import { buildEdges, buildNodes, parseEdgeId, type CardNode, type FlowEdge, type Measured } from './to-flow';
import { useCanvasActions } from './use-canvas-actions';
import { readableViewport } from './viewport';
import { useConnections } from './use-connections';

const nodeTypesForFlow = { card: NodeCard };
const MINIMAP_COLOURS: Record<string, string> = { source: '#4c8bd8', transform: '#8a6bd1', quality: '#d08a2c', ml: '#d0527c', sink: '#4aa37b' };
const NO_SIZES: ReadonlyMap<string, Measured> = new Map();
/**
 * Beyond this many nodes only the cards and edges in view are in the DOM: with 1000 mounted cards,
 * hit testing, layerization and paint cost ~60 ms per frame of a pan. Up to it every card stays
 * mounted (cheap at that size), so all of a normal pipeline can be found in the page.
 */
const ALL_CARDS_MOUNTED_UP_TO = 50;
// Constant props: React Flow copies a changed prop into its store, waking every subscriber, so an
// inline array or object would cost a store update on each render of the canvas.
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const SNAP_GRID: [number, number] = [4, 4];
const EDGE_OPTIONS = { interactionWidth: 16 };
const MINIMAP_SIZE = { width: 168, height: 112 };

export function Canvas() {
  const { store, nodeTypes } = useApp();
  const flow = useReactFlow<CardNode, FlowEdge>();
  const actions = useCanvasActions();
  const document = useMillrace((s) => s.document);
  const selectedNodes = useMillrace((s) => s.selectedNodes);
  const selectedEdges = useMillrace((s) => s.selectedEdges);
  const validatedPorts = useMillrace((s) => s.validation.ports);
  // Whether the cards show the engine's check of this very document (their messages, and so their heights, are settled).
  const checked = useMillrace((s) => s.validation.document === s.document);
  const loadCount = useMillrace((s) => s.loadCount);
  const running = useMillrace(useShallow((s) => Object.keys(s.run.nodes).filter((id) => s.run.nodes[id]?.phase === 'running')));
  const [measured, setMeasured] = useState<ReadonlyMap<string, Measured>>(NO_SIZES);
  // Where the cards being dragged are now; committed to the document (one undo step) when the drag ends.
  const [dragged, setDragged] = useState<ReadonlyMap<string, Position>>(NOT_DRAGGED);
  const previous = useRef(new Map<string, CardNode>());
  const previousEdges = useRef<FlowEdge[]>([]);
  const pointer = useRef<Position | undefined>(undefined);
  const connections = useConnections();

  const nodes = useMemo(() => {
    const built = buildNodes(document, new Set(selectedNodes), measured, previous.current, dragged);
    previous.current = new Map(built.map((n) => [n.id, n]));
    return built;
  }, [document, selectedNodes, measured, dragged]);
  const edges = useMemo(() => {
    const built = buildEdges(document, nodeTypes, validatedPorts, new Set(selectedEdges), new Set(running), previousEdges.current);
    previousEdges.current = built;
    return built;
  }, [document, nodeTypes, validatedPorts, selectedEdges, running]);
  // Stable, so the minimap's 1000 node rectangles do not all re-render with the canvas.
  const minimapColour = useCallback((n: CardNode) => MINIMAP_COLOURS[nodeTypes.get(n.data.node.type)?.category ?? ''] ?? '#aab', [nodeTypes]);

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
      const { moving, placed, selection, sizes } = sortNodeChanges(changes, state.selectedNodes);
      const placedIds = Object.keys(placed);
      // The document first: the card never shows its old position between the two updates.
      if (placedIds.length > 0) state.apply({ kind: 'move-nodes', positions: placed });
      if (moving.size > 0 || placedIds.length > 0) setDragged((old) => nextDragged(old, moving, placedIds));
      if (selection) state.select(selection, state.selectedEdges);
      if (sizes.size > 0) setMeasured((old) => mergeSizes(old, sizes));
    },
    [store],
  );

  // React Flow commits the final positions (dragging: false) before it calls this; what is left
  // belongs to cards deleted mid-drag.
  const endDrag = useCallback(() => setDragged(NOT_DRAGGED), []);

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

  const onPaneMouseMove = useCallback(
    (event: MouseEvent) => {
      pointer.current = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    },
    [flow],
  );
  const onPaneMouseLeave = useCallback(() => {
    pointer.current = undefined;
  }, []);

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
    <div className="canvas" data-testid="canvas" data-checked={checked} ref={container}>
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
        onNodeDragStop={endDrag}
        onSelectionDragStop={endDrag}
        onDragOver={onDragOver}
        onDrop={onDrop}
        onPaneMouseMove={onPaneMouseMove}
        onPaneMouseLeave={onPaneMouseLeave}
        deleteKeyCode={DELETE_KEYS}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        minZoom={0.15}
        maxZoom={2}
        snapToGrid
        snapGrid={SNAP_GRID}
        defaultEdgeOptions={EDGE_OPTIONS}
        connectionRadius={24}
        attributionPosition="bottom-left"
        onlyRenderVisibleElements={document.nodes.length > ALL_CARDS_MOUNTED_UP_TO}
      >
        <Background variant={BackgroundVariant.Dots} gap={16} size={1} color="#cfd5dd" />
        <Controls showInteractive={false} position="top-left" />
        <MiniMap<CardNode>
          pannable
          zoomable
          nodeColor={minimapColour}
          nodeStrokeWidth={0}
          maskColor="#f6f7f980"
          ariaLabel="Overview of the pipeline"
          style={MINIMAP_SIZE}
        />
      </ReactFlow>
      {document.nodes.length === 0 && <EmptyCanvasHint />}
    </div>
  );
}
