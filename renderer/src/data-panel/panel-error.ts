/**
 * Errors in plain words for the panel: what went wrong, which node it is about, and whether
 * running the pipeline is the fix (worker nodes have no output until they run).
 */
import type { PipelineIssue } from '../../../engine/contract/api';

export interface PanelError {
  message: string;
  /** The node the error is about when it is not the selected one (an upstream node's bad SQL). */
  nodeId?: string;
  /** The output only exists after a run (a training node that has not run yet). */
  needsRun: boolean;
  issues: PipelineIssue[];
}

interface ErrorWithBody {
  status?: number;
  body?: { error?: string; nodeId?: string; issues?: PipelineIssue[] };
}

const NEEDS_RUN = /run the pipeline|has not run yet|not been run/i;

export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

export function describeError(error: unknown, selectedNodeId: string | null): PanelError {
  const body = (typeof error === 'object' && error !== null ? (error as ErrorWithBody).body : undefined) ?? {};
  let message = body.error ?? (error instanceof Error ? error.message : String(error));
  if (error instanceof TypeError && /fetch/i.test(message)) message = 'The engine did not answer. Is `millrace serve` still running?';
  const issues = body.issues ?? [];
  if (issues.length > 0 && message === '') message = issues[0]!.message;
  const nodeId = body.nodeId ?? issues.find((i) => i.severity === 'error' && i.nodeId)?.nodeId;
  return {
    message,
    ...(nodeId !== undefined && nodeId !== selectedNodeId ? { nodeId } : {}),
    needsRun: NEEDS_RUN.test(message),
    issues,
  };
}
