/** Node types, the pipeline list, and a pipeline's text ↔ document: open, parse, format, validate, save. */
import { readFile, stat } from 'node:fs/promises';
import { outputPorts, type NodeDefinition } from '../../../nodes/node-definition.js';
import type { Catalogue } from '../../../nodes/catalogue.js';
import { catalogueToJson, type CatalogueJson } from '../../../nodes/catalogue-json.js';
import {
  API_PATHS,
  formatRequest,
  parseRequest,
  saveRequest,
  validateRequest,
  type FormatResponse,
  type ParseResponse,
  type PipelineFileResponse,
  type PipelineListResponse,
  type SaveResponse,
  type ValidateResponse,
} from '../../contract/api.js';
import type { PipelineDocument, PipelineNode, ResolvedPipeline } from '../../pipeline/document.js';
import { formatPipeline } from '../../pipeline/format-yaml.js';
import { MAX_FILE_BYTES } from '../../pipeline/load-yaml.js';
import { inputPort } from '../../pipeline/ports.js';
import { HttpError, queryParam, readJson } from '../http-io.js';
import { listPipelines } from '../pipeline-list.js';
import { writeFileAtomic } from '../project-files.js';
import { checkDocument, requireDocument } from '../request-pipeline.js';
import { optionalPipelineFile, type Route } from './route.js';

type Ports = ValidateResponse['ports'][string];
const plain = (ports: { name: string; type: string }[]) => ports.map(({ name, type }) => ({ name, type }));

/** Declared inputs, plus the named inputs a variadic node (sql) is given. */
function inputsOf(definition: NodeDefinition, node: PipelineNode): { name: string; type: string }[] {
  const extra = Object.keys(node.inputs).filter((name) => !definition.inputs.some((p) => p.name === name));
  const variadic = extra.flatMap((name) => {
    const port = inputPort(definition, name);
    return port ? [port] : [];
  });
  return plain([...definition.inputs, ...variadic]);
}

/** Outputs of an unresolved node: from its params when they parse (split), else as declared. */
function outputsOf(definition: NodeDefinition, node: PipelineNode): { name: string; type: string }[] {
  const parsed = definition.params.safeParse(node.params);
  try {
    return plain(parsed.success ? outputPorts(definition, parsed.data) : definition.outputs);
  } catch {
    return plain(definition.outputs);
  }
}

function portsOf(document: PipelineDocument, pipeline: ResolvedPipeline | undefined, lookup: (type: string) => NodeDefinition | undefined): Record<string, Ports> {
  const ports: Record<string, Ports> = {};
  for (const node of document.nodes) {
    const resolved = pipeline?.nodes.get(node.id);
    const definition = resolved?.definition ?? lookup(node.type);
    if (!definition) continue;
    ports[node.id] = { inputs: inputsOf(definition, node), outputs: resolved ? plain(resolved.outputs) : outputsOf(definition, node) };
  }
  return ports;
}

/** The catalogue never changes while the server runs: convert it once. */
const catalogueJson = new WeakMap<Catalogue, CatalogueJson>();
function catalogueAsJson(catalogue: Catalogue): CatalogueJson {
  let json = catalogueJson.get(catalogue);
  if (!json) catalogueJson.set(catalogue, (json = catalogueToJson(catalogue)));
  return json;
}

export const pipelineRoutes: Route[] = [
  {
    method: 'GET',
    path: API_PATHS.nodeTypes,
    handler: async ({ context }) => catalogueAsJson(context.engine.catalogue),
  },
  {
    method: 'GET',
    path: API_PATHS.pipelines,
    handler: async ({ context }): Promise<PipelineListResponse> => ({ root: context.files.root, pipelines: await listPipelines(context.engine, context.files.root) }),
  },
  {
    method: 'GET',
    path: API_PATHS.pipelineFile,
    handler: async ({ url, context }): Promise<PipelineFileResponse> => {
      const relative = queryParam(url, 'path');
      const file = await context.files.resolvePipeline(relative);
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) throw new HttpError(404, `There is no pipeline file "${relative}".`);
      if (info.size > MAX_FILE_BYTES) throw new HttpError(413, `"${relative}" is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB: too large for a pipeline file.`);
      const text = await readFile(file, 'utf8');
      const loaded = context.engine.loadText(text, { file });
      return { path: context.files.relative(file), text, ...(loaded.document ? { document: loaded.document } : {}), issues: loaded.issues };
    },
  },
  {
    method: 'POST',
    path: API_PATHS.parse,
    handler: async ({ req, context }): Promise<ParseResponse> => {
      const body = await readJson(req, parseRequest);
      const file = await optionalPipelineFile(context, body.path);
      const loaded = context.engine.loadText(body.text, file === undefined ? {} : { file });
      return { ...(loaded.document ? { document: loaded.document } : {}), issues: loaded.issues };
    },
  },
  {
    method: 'POST',
    path: API_PATHS.format,
    handler: async ({ req, context }): Promise<FormatResponse> => {
      const body = await readJson(req, formatRequest);
      const { document } = requireDocument(body.document);
      return { text: formatPipeline(document, { catalogue: context.engine.catalogue, ...(body.source !== undefined ? { source: body.source } : {}) }) };
    },
  },
  {
    method: 'POST',
    path: API_PATHS.validate,
    handler: async ({ req, context }): Promise<ValidateResponse> => {
      const body = await readJson(req, validateRequest);
      const file = await optionalPipelineFile(context, body.path);
      const shape = checkDocument(body.document, file);
      if (!shape.document) return { issues: shape.issues, ports: {} };
      const outcome = context.engine.resolve(shape.document, file === undefined ? {} : { file });
      const lookup = (type: string) => context.engine.catalogue.get(type);
      return { issues: [...shape.issues, ...outcome.issues], ports: portsOf(shape.document, outcome.pipeline, lookup) };
    },
  },
  {
    method: 'POST',
    path: API_PATHS.save,
    handler: async ({ req, context }): Promise<SaveResponse> => {
      const body = await readJson(req, saveRequest);
      const file = await context.files.resolvePipeline(body.path);
      const { document } = requireDocument(body.document, file);
      const text = formatPipeline(document, { catalogue: context.engine.catalogue, ...(body.source !== undefined ? { source: body.source } : {}) });
      const existing = await stat(file).catch(() => undefined);
      if (existing && !existing.isFile()) throw new HttpError(409, `"${body.path}" is a folder, not a file.`);
      await writeFileAtomic(file, text);
      return { path: context.files.relative(file), text };
    },
  },
];
