/**
 * The engine's HTTP + WebSocket API: paths, request and response types. Types only (plus the
 * zod schemas of request bodies, which have no Node or DOM dependency), shared by the server
 * (engine/server) and the renderer's client (renderer/src/api/client.ts) so they cannot drift.
 *
 * Every request needs the session token: a cookie set by GET /?token=… or an `X-Millrace-Token` header.
 * Bodies are JSON. Errors answer `{ error: string, issues?: PipelineIssue[] }` with a 4xx/5xx status.
 */
import { z } from 'zod';
import type { CatalogueJson } from '../../nodes/catalogue-json.js';
import type { ColumnInfo, JsonRow } from '../../nodes/node-definition.js';
import type { PipelineDocument, PipelineIssue } from '../pipeline/document.js';
import type { TableProfile } from '../profile/profile-types.js';
import type { LogEntry, MetricRecord, ModelRecord, QualityResultRecord, RunDetails, RunRecord } from '../run-store/types.js';
import type { EngineEvent, NodeRunSummary } from './events.js';

export type { CatalogueJson, ColumnInfo, EngineEvent, JsonRow, PipelineDocument, PipelineIssue, TableProfile };
export type { LogEntry, MetricRecord, ModelRecord, QualityResultRecord, RunDetails, RunRecord };

export const API_PATHS = {
  nodeTypes: '/api/node-types',
  pipelines: '/api/pipelines',
  pipelineFile: '/api/pipelines/file',
  parse: '/api/pipelines/parse',
  format: '/api/pipelines/format',
  validate: '/api/pipelines/validate',
  save: '/api/pipelines/save',
  preview: '/api/preview',
  schema: '/api/schema',
  profile: '/api/profile',
  storedResults: '/api/results',
  run: '/api/runs',
  runs: '/api/runs',
  autosave: '/api/autosave',
  events: '/api/events',
} as const;

/** A document as the UI holds it, plus where it lives (a path relative to the served folder). */
const documentSchema = z.custom<PipelineDocument>((v) => typeof v === 'object' && v !== null && 'nodes' in v, 'expected a pipeline document');
const pathSchema = z.string().min(1).max(1000);

export const parseRequest = z.strictObject({ text: z.string().max(5 * 1024 * 1024), path: pathSchema.optional() });
export const formatRequest = z.strictObject({ document: documentSchema, source: z.string().optional() });
export const validateRequest = z.strictObject({ document: documentSchema, path: pathSchema.optional() });
export const saveRequest = z.strictObject({ path: pathSchema, document: documentSchema, source: z.string().optional() });
export const previewRequest = z.strictObject({
  document: documentSchema,
  path: pathSchema.optional(),
  node: z.string().min(1),
  port: z.string().optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(0).max(10_000).default(100),
});
export const schemaRequest = z.strictObject({ document: documentSchema, path: pathSchema.optional(), node: z.string().min(1) });
export const profileRequest = z.strictObject({
  document: documentSchema,
  path: pathSchema.optional(),
  node: z.string().min(1),
  port: z.string().optional(),
  /** Profile a sample of about this many rows (fast first look); omit for the full profile. */
  sampleRows: z.number().int().positive().optional(),
});
/** Which nodes of a document have their result kept from an earlier run (asked when a pipeline opens). */
export const storedResultsRequest = z.strictObject({ document: documentSchema, path: pathSchema.optional() });
export const runRequest = z.strictObject({ document: documentSchema, path: pathSchema.optional(), target: z.string().optional() });
export const autosaveRequest = z.strictObject({ key: z.string().min(1).max(500), document: documentSchema.nullable() });

export type ParseRequest = z.input<typeof parseRequest>;
export type FormatRequest = z.input<typeof formatRequest>;
export type ValidateRequest = z.input<typeof validateRequest>;
export type SaveRequest = z.input<typeof saveRequest>;
export type PreviewRequest = z.input<typeof previewRequest>;
export type SchemaRequest = z.input<typeof schemaRequest>;
export type ProfileRequest = z.input<typeof profileRequest>;
export type StoredResultsRequest = z.input<typeof storedResultsRequest>;
export type RunRequestBody = z.input<typeof runRequest>;
export type AutosaveRequest = z.input<typeof autosaveRequest>;

export interface ApiError {
  error: string;
  issues?: PipelineIssue[];
  /** The node the error is about, when there is one (preview of a node whose SQL fails). */
  nodeId?: string;
}

export interface PipelineListEntry {
  /** Relative to the served folder, with forward slashes. */
  path: string;
  name: string;
  description?: string;
  nodes: number;
  /** Parse or validation errors, so the list can flag broken files. */
  errors: number;
}

export interface PipelineListResponse {
  root: string;
  pipelines: PipelineListEntry[];
}

export interface PipelineFileResponse {
  path: string;
  text: string;
  document?: PipelineDocument;
  issues: PipelineIssue[];
}

export interface ParseResponse {
  document?: PipelineDocument;
  issues: PipelineIssue[];
}

export interface FormatResponse {
  text: string;
}

export interface ValidateResponse {
  issues: PipelineIssue[];
  /** Output ports of each node after resolution (split's depend on its params). */
  ports: Record<string, { inputs: { name: string; type: string }[]; outputs: { name: string; type: string }[] }>;
}

export interface SaveResponse {
  path: string;
  text: string;
}

/** The first rows (or any page) of a node output. */
export interface PreviewResponse {
  nodeId: string;
  port: string;
  columns: ColumnInfo[];
  rows: JsonRow[];
  offset: number;
  /** Total rows when known without computing them (the output is cached); otherwise null. */
  totalRows: number | null;
  /** Served from a materialised cache table rather than computed lazily. */
  cached: boolean;
  elapsedMs: number;
}

/** Columns of each connected input of a node (for column pickers and SQL completion). */
export interface SchemaResponse {
  inputs: Record<string, ColumnInfo[]>;
  /** Inputs whose schema could not be computed, with why. */
  errors: Record<string, string>;
}

export type ProfileResponse = TableProfile;

/**
 * A node whose result is kept (its outputs in the cache, or a sink's files as it wrote them): what
 * a run would answer for it without computing anything. Shaped like a run's node summary.
 */
export interface StoredNodeResult extends Pick<NodeRunSummary, 'rows' | 'columns' | 'outputRows' | 'failedChecks' | 'warnings' | 'error' | 'fusedInto'> {
  /** `failed` when its kept data-quality checks failed and stop a run (on_fail: error). */
  status: 'cached' | 'failed';
}

/**
 * The nodes whose result is kept, by id. A step computed inside a later step's query has nothing
 * kept of its own: it is listed with `fusedInto` (no rows) when that step's result is kept. Nodes
 * that are not valid yet are not listed, nor what depends on them.
 */
export interface StoredResultsResponse {
  nodes: Record<string, StoredNodeResult>;
}

export interface RunStartedResponse {
  runId: string;
}

export interface RunListResponse {
  runs: RunRecord[];
}

export interface RunDetailsResponse extends RunDetails {
  logs: LogEntry[];
  metrics: MetricRecord[];
}

export interface AutosaveResponse {
  key: string;
  document: PipelineDocument | null;
  savedAt: string | null;
}

/** What the WebSocket at API_PATHS.events sends: one JSON EngineEvent per message. */
export type EventMessage = EngineEvent;
