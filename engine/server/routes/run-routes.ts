/** Runs: start one (answered with its id at once; progress comes over the WebSocket), cancel, history. */
import { z } from 'zod';
import { API_PATHS, runRequest, type RunDetailsResponse, type RunListResponse, type RunStartedResponse } from '../../contract/api.js';
import { HttpError, readJson } from '../http-io.js';
import { resolveRequest } from '../request-pipeline.js';
import { optionalPipelineFile, type Route } from './route.js';

const cancelRequest = z.object({});

export const runRoutes: Route[] = [
  {
    method: 'POST',
    path: API_PATHS.run,
    handler: async ({ req, context }): Promise<RunStartedResponse> => {
      const body = await readJson(req, runRequest);
      const file = await optionalPipelineFile(context, body.path);
      // A run to one node needs only that node and its upstream to be valid.
      const pipeline = resolveRequest(context.engine, body.document, { file, nodeId: body.target });
      return { runId: context.runs.start(pipeline, body.target) };
    },
  },
  {
    method: 'POST',
    path: `${API_PATHS.runs}/:id/cancel`,
    handler: async ({ req, params, context }) => {
      await readJson(req, cancelRequest);
      return { cancelled: context.engine.cancel(params.id ?? '') };
    },
  },
  {
    method: 'GET',
    path: API_PATHS.runs,
    handler: async ({ url, context }): Promise<RunListResponse> => {
      const relative = url.searchParams.get('path');
      const file = relative ? await optionalPipelineFile(context, relative) : undefined;
      return { runs: context.engine.runStore.listRuns(file === undefined ? {} : { pipelineFile: file }) };
    },
  },
  {
    method: 'GET',
    path: `${API_PATHS.runs}/:id`,
    handler: async ({ params, context }): Promise<RunDetailsResponse> => {
      const id = params.id ?? '';
      const details = context.engine.runStore.getRun(id);
      if (!details) throw new HttpError(404, `There is no run "${id}".`);
      return { ...details, logs: context.engine.runStore.getLogs(id), metrics: context.engine.runStore.listMetrics(id) };
    },
  },
];
