/**
 * Looking at data: a node's rows (preview), its inputs' columns (schema), its column profile,
 * each computed lazily by the engine and cancelled when the UI abandons the request; and which
 * nodes' results are kept from earlier runs (asked when a pipeline opens).
 */
import {
  API_PATHS,
  previewRequest,
  profileRequest,
  schemaRequest,
  storedResultsRequest,
  type PreviewResponse,
  type ProfileResponse,
  type SchemaResponse,
  type StoredResultsResponse,
} from '../../contract/api.js';
import type { Engine } from '../../engine.js';
import { errorMessage } from '../../execute/error-message.js';
import { parseInputRef, type PipelineDocument, type PipelineIssue, type ResolvedPipeline } from '../../pipeline/document.js';
import { descendants, documentEdges } from '../../pipeline/graph.js';
import { HttpError, readJson } from '../http-io.js';
import { requireDocument, resolveRequest } from '../request-pipeline.js';
import { optionalPipelineFile, type ApiRequest, type Route } from './route.js';

/** Columns of each connected table input of a node; each input's failure is reported apart. */
async function inputSchemas({ req, context, signal }: ApiRequest): Promise<SchemaResponse> {
  const body = await readJson(req, schemaRequest);
  const file = await optionalPipelineFile(context, body.path);
  const { document } = requireDocument(body.document, file);
  const node = document.nodes.find((n) => n.id === body.node);
  if (!node) throw new HttpError(404, `There is no node "${body.node}" in this pipeline.`, { nodeId: body.node });
  const response: SchemaResponse = { inputs: {}, errors: {} };
  await Promise.all(
    Object.entries(node.inputs).map(async ([input, ref]) => {
      const source = parseInputRef(ref);
      try {
        const pipeline = resolveRequest(context.engine, document, { file, nodeId: source.node });
        const output = pipeline.nodes.get(source.node)?.outputs.find((p) => p.name === source.port);
        if (!output) throw new Error(`Node "${source.node}" has no output "${source.port}".`);
        if (output.type !== 'table') return; // a model input has no columns
        const preview = await context.engine.preview(pipeline, source.node, { port: source.port, limit: 0, signal });
        response.inputs[input] = preview.columns;
      } catch (error) {
        response.errors[input] = errorMessage(error);
      }
    }),
  );
  return response;
}

/**
 * The document without its invalid nodes and what reads them, resolved: a half-edited node must not
 * hide what is kept elsewhere. Undefined when nothing can be resolved (an error names no node).
 */
function resolveValidPart(engine: Engine, document: PipelineDocument, shapeIssues: PipelineIssue[], file: string | undefined): ResolvedPipeline | undefined {
  const options = file === undefined ? {} : { file };
  const whole = engine.resolve(document, options);
  const errors = [...shapeIssues, ...whole.issues].filter((i) => i.severity === 'error');
  const broken = new Set(errors.flatMap((i) => (i.nodeId === undefined ? [] : [i.nodeId])));
  // Only errors about the document as a whole (an unknown top-level key): its nodes are fine.
  if (whole.pipeline && broken.size === 0) return whole.pipeline;
  if (broken.size === 0) return undefined;
  const edges = documentEdges(document);
  for (const id of [...broken]) for (const below of descendants(edges, id)) broken.add(below);
  const { layout: _layout, ...rest } = document;
  const part = engine.resolve({ ...rest, nodes: document.nodes.filter((n) => !broken.has(n.id)) }, options);
  return part.pipeline && !part.issues.some((i) => i.severity === 'error') ? part.pipeline : undefined;
}

export const dataRoutes: Route[] = [
  {
    method: 'POST',
    path: API_PATHS.preview,
    handler: async ({ req, context, signal }): Promise<PreviewResponse> => {
      const body = await readJson(req, previewRequest);
      const file = await optionalPipelineFile(context, body.path);
      const pipeline = resolveRequest(context.engine, body.document, { file, nodeId: body.node });
      return context.engine.preview(pipeline, body.node, { port: body.port, limit: body.limit, offset: body.offset, signal });
    },
  },
  { method: 'POST', path: API_PATHS.schema, handler: inputSchemas },
  {
    method: 'POST',
    path: API_PATHS.profile,
    handler: async ({ req, context, signal }): Promise<ProfileResponse> => {
      const body = await readJson(req, profileRequest);
      const file = await optionalPipelineFile(context, body.path);
      const pipeline = resolveRequest(context.engine, body.document, { file, nodeId: body.node });
      return context.engine.profile(pipeline, body.node, { port: body.port, sampleRows: body.sampleRows, signal });
    },
  },
  {
    method: 'POST',
    path: API_PATHS.storedResults,
    handler: async ({ req, context }): Promise<StoredResultsResponse> => {
      const body = await readJson(req, storedResultsRequest);
      const file = await optionalPipelineFile(context, body.path);
      const { document, issues } = requireDocument(body.document, file);
      const pipeline = resolveValidPart(context.engine, document, issues, file);
      return { nodes: pipeline ? await context.engine.storedResults(pipeline) : {} };
    },
  },
];
