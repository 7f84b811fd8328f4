/** What a route handler gets, and the shape of a route table. */
import type { IncomingMessage } from 'node:http';
import type { Engine } from '../../engine.js';
import type { ProjectFiles } from '../project-files.js';
import type { RunTracker } from '../run-tracker.js';

export interface ServerContext {
  engine: Engine;
  files: ProjectFiles;
  runs: RunTracker;
  /** Where autosaved documents go (`<root>/.millrace/autosave`). */
  autosaveDir: string;
}

export interface ApiRequest {
  req: IncomingMessage;
  url: URL;
  /** Named parts of the path (`:id`). */
  params: Record<string, string>;
  /** Aborted when the client goes away before the answer is sent (the UI abandoned the request). */
  signal: AbortSignal;
  context: ServerContext;
}

/** A handler returns the JSON body of a 200 answer, or throws HttpError. */
export type Handler = (request: ApiRequest) => Promise<unknown>;

export interface Route {
  method: 'GET' | 'POST';
  /** `/api/runs/:id/cancel` style: `:name` matches one path segment. */
  path: string;
  handler: Handler;
}

/** The absolute file for an optional `path` in a request (confined to the served folder). */
export async function optionalPipelineFile(context: ServerContext, relative: string | undefined): Promise<string | undefined> {
  return relative === undefined ? undefined : context.files.resolvePipeline(relative);
}
