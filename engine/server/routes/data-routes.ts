/**
 * Looking at data: a node's rows (preview), its inputs' columns (schema), its column profile.
 * Each is computed lazily by the engine and cancelled when the UI abandons the request.
 */
import { API_PATHS, previewRequest, profileRequest, schemaRequest, type PreviewResponse, type ProfileResponse, type SchemaResponse } from '../../contract/api.js';
import { errorMessage } from '../../execute/error-message.js';
import { parseInputRef } from '../../pipeline/document.js';
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
];
