/**
 * The props of the components this shell mounts from other folders (inspector/, yaml-view/, runs/,
 * data-panel/). They implement exactly these; the shell passes exactly these.
 */
import type { EngineClient } from '../api/client';
import type { PipelineDocument, PipelineIssue, PipelineNode } from '../../../engine/pipeline/document';
import type { NodeTypeJson } from '../../../nodes/catalogue-json';

export interface InspectorProps {
  client: EngineClient;
  nodeType: NodeTypeJson;
  node: PipelineNode;
  document: PipelineDocument;
  path: string | undefined;
  issues: PipelineIssue[];
  onChange: (params: Record<string, unknown>) => void;
}

export interface YamlViewProps {
  client: EngineClient;
  document: PipelineDocument;
  path: string | undefined;
  onApply: (document: PipelineDocument) => void;
}

export interface RunHistoryProps {
  client: EngineClient;
  path: string | undefined;
  onClose: () => void;
  /** Changes when a run finishes, so the list refreshes at once. */
  refreshKey?: unknown;
}

export interface DataPanelProps {
  client: EngineClient;
  document: PipelineDocument;
  path: string | undefined;
  nodeId: string | null;
  nodeType: NodeTypeJson | undefined;
  runVersion: number;
  events: EngineClient['subscribe'];
  /** Offered where a node's output needs a run first: runs the pipeline up to that node. */
  onRunToHere?: (nodeId: string) => void;
}
