/**
 * From a request's document to a resolved pipeline. A document sent by the UI is checked like a
 * YAML file (shape, then resolution). When a request is about one node (preview, schema, profile,
 * a run to a node), only that node and what it reads must be valid: a half-edited node elsewhere
 * on the canvas does not stop the user looking at data upstream.
 */
import type { Engine } from '../engine.js';
import { readDocumentShape } from '../pipeline/document-shape.js';
import type { PipelineDocument, PipelineIssue, ResolvedPipeline } from '../pipeline/document.js';
import { ancestors, documentEdges } from '../pipeline/graph.js';
import { HttpError } from './http-io.js';

export interface CheckedDocument {
  document?: PipelineDocument;
  issues: PipelineIssue[];
}

const errorsIn = (issues: PipelineIssue[]) => issues.filter((i) => i.severity === 'error');

/** The document's shape checked as if it had been read from YAML. */
export function checkDocument(data: unknown, file?: string): CheckedDocument {
  return readDocumentShape(data, file === undefined ? {} : { file });
}

/** The document, or a 422 listing what is wrong with its shape. */
export function requireDocument(data: unknown, file?: string): { document: PipelineDocument; issues: PipelineIssue[] } {
  const { document, issues } = checkDocument(data, file);
  if (!document) throw invalid(issues);
  return { document, issues };
}

function invalid(issues: PipelineIssue[], nodeId?: string): HttpError {
  const errors = errorsIn(issues);
  const first = errors[0] ? [errors[0].message, errors[0].hint].filter(Boolean).join(' ') : 'The pipeline is not valid.';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  return new HttpError(422, `${first}${more}`, { issues, ...(nodeId !== undefined ? { nodeId } : {}) });
}

/** The node and every node it reads from, directly or not; the layout is left out (it never runs). */
export function upstreamDocument(document: PipelineDocument, nodeId: string): PipelineDocument {
  const keep = ancestors(documentEdges(document), nodeId);
  keep.add(nodeId);
  const { layout: _layout, ...rest } = document;
  return { ...rest, nodes: document.nodes.filter((n) => keep.has(n.id)) };
}

/**
 * The resolved pipeline for a request, or a 422 with its issues. With `nodeId`, only that node
 * and its upstream are resolved (404 when there is no such node).
 */
export function resolveRequest(engine: Engine, data: unknown, options: { file?: string; nodeId?: string } = {}): ResolvedPipeline {
  const { document, issues: shapeIssues } = requireDocument(data, options.file);
  const { nodeId } = options;
  if (nodeId !== undefined && !document.nodes.some((n) => n.id === nodeId)) {
    throw new HttpError(404, `There is no node "${nodeId}" in this pipeline.`, { nodeId });
  }
  const scoped = nodeId === undefined ? document : upstreamDocument(document, nodeId);
  const outcome = engine.resolve(scoped, options.file === undefined ? {} : { file: options.file });
  const issues = [...shapeIssues, ...outcome.issues];
  if (!outcome.pipeline || errorsIn(issues).length > 0) throw invalid(issues, nodeId);
  return outcome.pipeline;
}
