/**
 * The renderer's only way to reach the engine: a typed client over the HTTP + WebSocket API.
 * Types come from engine/contract/api.ts (types only), so client and server cannot drift.
 * The session token travels in an HttpOnly cookie set when the page was opened with ?token=….
 */
import {
  API_PATHS,
  type ApiError,
  type AutosaveResponse,
  type CatalogueJson,
  type EngineEvent,
  type FormatResponse,
  type ParseResponse,
  type PipelineDocument,
  type PipelineFileResponse,
  type PipelineListResponse,
  type PreviewRequest,
  type PreviewResponse,
  type ProfileRequest,
  type ProfileResponse,
  type RunDetailsResponse,
  type RunListResponse,
  type RunStartedResponse,
  type SaveResponse,
  type SchemaResponse,
  type StoredResultsResponse,
  type ValidateResponse,
} from '../../../engine/contract/api';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError,
  ) {
    super(body.error);
    this.name = 'ApiRequestError';
  }
}

async function request<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const response = await fetch(path, {
    ...rest,
    method: json !== undefined ? 'POST' : (rest.method ?? 'GET'),
    credentials: 'same-origin',
    headers: { ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}), ...(rest.headers ?? {}) },
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  const text = await response.text();
  const body = text ? (JSON.parse(text) as unknown) : {};
  if (!response.ok) {
    const error = body as Partial<ApiError>;
    throw new ApiRequestError(response.status, { error: error.error ?? `HTTP ${response.status}`, issues: error.issues, nodeId: error.nodeId });
  }
  return body as T;
}

export interface EngineClient {
  nodeTypes(): Promise<CatalogueJson>;
  listPipelines(): Promise<PipelineListResponse>;
  openPipeline(path: string): Promise<PipelineFileResponse>;
  parse(text: string, path?: string): Promise<ParseResponse>;
  format(document: PipelineDocument, source?: string): Promise<FormatResponse>;
  validate(document: PipelineDocument, path?: string): Promise<ValidateResponse>;
  save(path: string, document: PipelineDocument, source?: string): Promise<SaveResponse>;
  preview(body: PreviewRequest, signal?: AbortSignal): Promise<PreviewResponse>;
  schema(document: PipelineDocument, node: string, path?: string, signal?: AbortSignal): Promise<SchemaResponse>;
  profile(body: ProfileRequest, signal?: AbortSignal): Promise<ProfileResponse>;
  /** The nodes whose result is kept from an earlier run (asked when a pipeline opens); looking changes nothing. */
  storedResults(document: PipelineDocument, path?: string, signal?: AbortSignal): Promise<StoredResultsResponse>;
  run(document: PipelineDocument, path?: string, target?: string): Promise<RunStartedResponse>;
  cancelRun(runId: string): Promise<{ cancelled: boolean }>;
  listRuns(path?: string): Promise<RunListResponse>;
  getRun(runId: string): Promise<RunDetailsResponse>;
  /** keepalive: the request outlives the page (sent as the tab closes or reloads); small documents only. */
  autosave(key: string, document: PipelineDocument | null, options?: { keepalive?: boolean }): Promise<AutosaveResponse>;
  loadAutosave(key: string): Promise<AutosaveResponse>;
  /** Engine events (node status, progress, logs, training metrics). Returns an unsubscribe function. */
  subscribe(listener: (event: EngineEvent) => void, onConnection?: (open: boolean) => void): () => void;
}

export function createEngineClient(): EngineClient {
  return {
    nodeTypes: () => request(API_PATHS.nodeTypes),
    listPipelines: () => request(API_PATHS.pipelines),
    openPipeline: (path) => request(`${API_PATHS.pipelineFile}?path=${encodeURIComponent(path)}`),
    parse: (text, path) => request(API_PATHS.parse, { json: { text, path } }),
    format: (document, source) => request(API_PATHS.format, { json: { document, source } }),
    validate: (document, path) => request(API_PATHS.validate, { json: { document, path } }),
    save: (path, document, source) => request(API_PATHS.save, { json: { path, document, source } }),
    preview: (body, signal) => request(API_PATHS.preview, { json: body, signal }),
    schema: (document, node, path, signal) => request(API_PATHS.schema, { json: { document, node, path }, signal }),
    profile: (body, signal) => request(API_PATHS.profile, { json: body, signal }),
    storedResults: (document, path, signal) => request(API_PATHS.storedResults, { json: { document, path }, signal }),
    run: (document, path, target) => request(API_PATHS.run, { json: { document, path, target } }),
    cancelRun: (runId) => request(`${API_PATHS.runs}/${encodeURIComponent(runId)}/cancel`, { json: {} }),
    listRuns: (path) => request(`${API_PATHS.runs}${path ? `?path=${encodeURIComponent(path)}` : ''}`),
    getRun: (runId) => request(`${API_PATHS.runs}/${encodeURIComponent(runId)}`),
    autosave: (key, document, options) =>
      // Browsers refuse keepalive bodies over 64 KiB: a bigger pipeline goes as a plain request (best effort).
      request(API_PATHS.autosave, { json: { key, document }, keepalive: options?.keepalive === true && JSON.stringify(document).length < 60_000 }),
    loadAutosave: (key) => request(`${API_PATHS.autosave}?key=${encodeURIComponent(key)}`),
    subscribe(listener, onConnection) {
      let socket: WebSocket | undefined;
      let closed = false;
      let retry = 500;
      const connect = () => {
        const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${API_PATHS.events}`;
        socket = new WebSocket(url);
        socket.onopen = () => {
          retry = 500;
          onConnection?.(true);
        };
        socket.onmessage = (message) => listener(JSON.parse(String(message.data)) as EngineEvent);
        socket.onclose = () => {
          onConnection?.(false);
          if (!closed) setTimeout(connect, (retry = Math.min(retry * 2, 5000)));
        };
      };
      connect();
      return () => {
        closed = true;
        socket?.close();
      };
    },
  };
}
