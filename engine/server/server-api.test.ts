/**
 * The engine API as the UI uses it: real server, real engine, real HTTP and WebSocket, over a
 * temporary copy of examples/penguins.yaml.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../nodes/catalogue.js';
import type {
  AutosaveResponse,
  CatalogueJson,
  FormatResponse,
  ParseResponse,
  PipelineDocument,
  PipelineFileResponse,
  PipelineListResponse,
  PreviewResponse,
  ProfileResponse,
  RunDetailsResponse,
  RunListResponse,
  RunStartedResponse,
  SaveResponse,
  SchemaResponse,
  ValidateResponse,
} from '../contract/api.js';
import { startFixture, type ServerFixture } from './test-support/server-fixture.js';

let fx: ServerFixture;
let penguins: PipelineDocument;

const errorsOf = <I extends { severity: string }>(issues: I[]) => issues.filter((i) => i.severity === 'error');
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

async function until<T>(what: string, get: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = get();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  fx = await startFixture();
  // Files the pipeline list must leave out or flag.
  writeFileSync(path.join(fx.root, 'docker-compose.yml'), 'services: {}\n');
  writeFileSync(path.join(fx.root, 'broken.yaml'), 'millrace: 1\nname: broken\nnodes:\n  - id: a\n    type: no_such_node\n');
  mkdirSync(path.join(fx.root, '.hidden'));
  writeFileSync(path.join(fx.root, '.hidden/secret.yaml'), 'millrace: 1\nname: hidden\nnodes: []\n');
  mkdirSync(path.join(fx.root, 'node_modules/pkg'), { recursive: true });
  writeFileSync(path.join(fx.root, 'node_modules/pkg/p.yaml'), 'millrace: 1\nname: dep\nnodes: []\n');
  mkdirSync(path.join(fx.root, 'sub/folder'), { recursive: true });
  writeFileSync(path.join(fx.root, 'sub/folder/deep.yml'), 'millrace: 1\nname: deep one\ndescription: nested\nnodes: []\n');
  const opened = await fx.api<PipelineFileResponse>('/api/pipelines/file?path=penguins.yaml');
  penguins = opened.body.document!;
});

afterAll(async () => {
  await fx.close();
});

describe('node types and pipelines', () => {
  it('GET /api/node-types lists every node type of the catalogue, with its params schema', async () => {
    const { status, body } = await fx.api<CatalogueJson>('/api/node-types');
    expect(status).toBe(200);
    expect(body.nodeTypes.map((t) => t.type).sort()).toEqual(defaultCatalogue.all().map((d) => d.type).sort());
    expect(body.categories.map((c) => c.id)).toContain('transform');
    const filter = body.nodeTypes.find((t) => t.type === 'filter')!;
    expect(filter.params).toHaveProperty('properties.condition');
  });

  it('GET /api/pipelines lists the pipelines in the folder, skipping dot-folders, node_modules and other YAML', async () => {
    const { body } = await fx.api<PipelineListResponse>('/api/pipelines');
    expect(body.root).toBe(fx.root);
    const byPath = new Map(body.pipelines.map((p) => [p.path, p]));
    expect([...byPath.keys()].sort()).toEqual(['broken.yaml', 'penguins.yaml', 'sub/folder/deep.yml']);
    expect(byPath.get('penguins.yaml')).toMatchObject({ name: 'penguins', nodes: penguins.nodes.length, errors: 0 });
    expect(byPath.get('penguins.yaml')!.description).toMatch(/Palmer penguins/);
    expect(byPath.get('broken.yaml')).toMatchObject({ name: 'broken', nodes: 1, errors: 1 });
    expect(byPath.get('sub/folder/deep.yml')).toMatchObject({ name: 'deep one', description: 'nested', nodes: 0 });
  });

  it('opening a file that does not exist is a 404', async () => {
    const res = await fx.api('/api/pipelines/file?path=missing.yaml');
    expect(res.status).toBe(404);
    expect(String(res.body.error)).toMatch(/no pipeline file "missing.yaml"/);
  });
});

describe('open, parse, validate, format, save', () => {
  it('opens a pipeline file: its text, document and no errors', async () => {
    const { status, body } = await fx.api<PipelineFileResponse>('/api/pipelines/file?path=penguins.yaml');
    expect(status).toBe(200);
    expect(body.path).toBe('penguins.yaml');
    expect(body.text).toBe(readFileSync(path.join(fx.root, 'penguins.yaml'), 'utf8'));
    expect(body.document?.name).toBe('penguins');
    expect(errorsOf(body.issues)).toEqual([]);
  });

  it('parse gives the same document as the file, and resolution issues with their line', async () => {
    const text = readFileSync(path.join(fx.root, 'penguins.yaml'), 'utf8');
    const parsed = await fx.api<ParseResponse>('/api/pipelines/parse', { text, path: 'penguins.yaml' });
    expect(parsed.body.document).toEqual(penguins);
    const bad = await fx.api<ParseResponse>('/api/pipelines/parse', { text: text.replace('type: filter', 'type: filtre') });
    expect(bad.status).toBe(200);
    const issue = errorsOf(bad.body.issues)[0]!;
    expect(issue).toMatchObject({ code: 'UNKNOWN_NODE_TYPE', nodeId: 'known_sex' });
    expect(issue.line).toBe(text.split('\n').findIndex((l) => l.includes('type: filter')) + 1);
    const syntax = await fx.api<ParseResponse>('/api/pipelines/parse', { text: 'millrace: 1\nname: [unclosed\n' });
    expect(syntax.body.document).toBeUndefined();
    expect(errorsOf(syntax.body.issues).length).toBeGreaterThan(0);
  });

  it('validate gives issues and each node’s ports after resolution (split’s outputs come from its params)', async () => {
    const { body } = await fx.api<ValidateResponse>('/api/pipelines/validate', { document: penguins, path: 'penguins.yaml' });
    expect(errorsOf(body.issues)).toEqual([]);
    expect(body.ports.parts!.outputs).toEqual([
      { name: 'train', type: 'table' },
      { name: 'test', type: 'table' },
    ]);
    expect(body.ports.scaled_test!.inputs.map((p) => p.name)).toEqual(['in', 'fit']);
    expect(body.ports.model!.outputs).toContainEqual({ name: 'model', type: 'model' });

    const broken = clone(penguins);
    broken.nodes.find((n) => n.id === 'known_sex')!.inputs = { in: 'nowhere' };
    const invalid = await fx.api<ValidateResponse>('/api/pipelines/validate', { document: broken });
    expect(errorsOf(invalid.body.issues)).toContainEqual(expect.objectContaining({ nodeId: 'known_sex', port: 'in' }));
    // Ports are still known for every node, so the canvas can draw handles while the user fixes it.
    expect(invalid.body.ports.parts!.outputs.map((p) => p.name)).toEqual(['train', 'test']);
  });

  it('a document of the wrong shape is reported, not a crash', async () => {
    const res = await fx.api<ValidateResponse>('/api/pipelines/validate', { document: { nodes: 'many' } });
    expect(res.status).toBe(200);
    expect(errorsOf(res.body.issues).length).toBeGreaterThan(0);
    const format = await fx.api('/api/pipelines/format', { document: { nodes: 'many' } });
    expect(format.status).toBe(422);
    expect(format.body.issues).toBeInstanceOf(Array);
  });

  it('format keeps the comments of the source; save writes canonical YAML that opens to the same document', async () => {
    const source = `# Penguins, cleaned\n${readFileSync(path.join(fx.root, 'penguins.yaml'), 'utf8')}`;
    const edited = clone(penguins);
    edited.nodes.find((n) => n.id === 'known_sex')!.params.condition = "Sex = 'FEMALE'";
    edited.layout = { penguins: { x: 0, y: 0 }, clean: { x: 200, y: 0 } };

    const formatted = await fx.api<FormatResponse>('/api/pipelines/format', { document: edited, source });
    expect(formatted.status).toBe(200);
    expect(formatted.body.text.startsWith('# Penguins, cleaned\n')).toBe(true);
    expect(formatted.body.text).toContain(`{ condition: Sex = 'FEMALE' }`);

    const saved = await fx.api<SaveResponse>('/api/pipelines/save', { path: 'copies/penguins-female.yaml', document: edited, source });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ path: 'copies/penguins-female.yaml', text: formatted.body.text });
    expect(readFileSync(path.join(fx.root, 'copies/penguins-female.yaml'), 'utf8')).toBe(formatted.body.text);
    expect(readdirSync(path.join(fx.root, 'copies'))).toEqual(['penguins-female.yaml']); // no temporary file left

    const reopened = await fx.api<PipelineFileResponse>('/api/pipelines/file?path=copies/penguins-female.yaml');
    expect(reopened.body.document).toEqual(edited);
    // Saving what was opened changes nothing: canonical form is stable.
    const again = await fx.api<SaveResponse>('/api/pipelines/save', { path: 'copies/penguins-female.yaml', document: reopened.body.document, source: reopened.body.text });
    expect(again.body.text).toBe(formatted.body.text);
  });
});

describe('preview, schema and profile', () => {
  it('previews any node lazily: rows and typed columns, including names with spaces and parentheses', async () => {
    const { status, body } = await fx.api<PreviewResponse>('/api/preview', { document: penguins, path: 'penguins.yaml', node: 'features', limit: 5 });
    expect(status).toBe(200);
    expect(body.nodeId).toBe('features');
    expect(body.port).toBe('out');
    expect(body.rows).toHaveLength(5);
    expect(body.columns).toContainEqual({ name: 'Beak Length (mm)', type: 'DOUBLE' });
    expect(body.columns.map((c) => c.name)).toContain('Beak Ratio');
    expect(typeof body.rows[0]!['Beak Ratio']).toBe('number');
    const page = await fx.api<PreviewResponse>('/api/preview', { document: penguins, path: 'penguins.yaml', node: 'parts', port: 'test', offset: 2, limit: 3 });
    expect(page.body).toMatchObject({ port: 'test', offset: 2 });
    expect(page.body.rows).toHaveLength(3);
  });

  it('a node that fails answers 422 naming it; a broken node elsewhere does not stop a preview upstream', async () => {
    const broken = clone(penguins);
    broken.nodes.find((n) => n.id === 'known_sex')!.params.condition = 'no_such_column > 1';
    const failing = await fx.api('/api/preview', { document: broken, node: 'features', path: 'penguins.yaml' });
    expect(failing.status).toBe(422);
    expect(failing.body.nodeId).toBe('known_sex');
    expect(String(failing.body.error)).toMatch(/no_such_column/);

    const invalid = clone(penguins);
    invalid.nodes.find((n) => n.id === 'by_species')!.params = { bogus: true };
    const upstream = await fx.api<PreviewResponse>('/api/preview', { document: invalid, node: 'clean', path: 'penguins.yaml', limit: 1 });
    expect(upstream.status).toBe(200);
    const downstream = await fx.api('/api/preview', { document: invalid, node: 'by_species', path: 'penguins.yaml' });
    expect(downstream.status).toBe(422);
    expect(downstream.body.issues).toContainEqual(expect.objectContaining({ nodeId: 'by_species' }));

    const missing = await fx.api('/api/preview', { document: penguins, node: 'nope' });
    expect(missing.status).toBe(404);
  });

  it('schema gives the columns of each connected input, and why an input has none', async () => {
    const { body } = await fx.api<SchemaResponse>('/api/schema', { document: penguins, path: 'penguins.yaml', node: 'scaled_test' });
    expect(Object.keys(body.inputs).sort()).toEqual(['fit', 'in']);
    expect(body.inputs.in!.map((c) => c.name)).toContain('Beak Ratio');
    expect(body.errors).toEqual({});

    const broken = clone(penguins);
    const join = { id: 'both', type: 'sql', inputs: { a: 'features', b: 'known_sex' }, params: { query: 'SELECT * FROM {{a}}' } };
    broken.nodes.push(join);
    broken.nodes.find((n) => n.id === 'known_sex')!.params = { condition: 42 };
    const partial = await fx.api<SchemaResponse>('/api/schema', { document: broken, path: 'penguins.yaml', node: 'both' });
    expect(Object.keys(partial.body.inputs)).toEqual([]);
    expect(Object.keys(partial.body.errors).sort()).toEqual(['a', 'b']);
    expect(partial.body.errors.b).toMatch(/condition/);
  });

  it('profiles a node: every column, and a quick sampled profile first', async () => {
    const full = await fx.api<ProfileResponse>('/api/profile', { document: penguins, path: 'penguins.yaml', node: 'clean' });
    expect(full.status).toBe(200);
    expect(full.body.sampled).toBe(false);
    expect(full.body.rowCount).toBeGreaterThan(300);
    const mass = full.body.columns.find((c) => c.name === 'Body Mass (g)')!;
    expect(mass).toMatchObject({ kind: 'number', nulls: 0 });
    expect(mass.histogram?.length).toBeGreaterThan(0);
    const quick = await fx.api<ProfileResponse>('/api/profile', { document: penguins, path: 'penguins.yaml', node: 'penguins', sampleRows: 50 });
    expect(quick.body.sampled).toBe(true);
    expect(quick.body.sampleRows).toBeLessThan(quick.body.rowCount);
  });
});

const SLOW_QUERY = 'SELECT count(*) AS n FROM range(200000) a, range(200000) b WHERE (a.range * 7 + b.range) % 13 = 0';

describe('runs and events', () => {
  it('a run started over HTTP answers its id at once; its events arrive on the WebSocket; it is listed in /api/runs', async () => {
    const { socket, messages } = await fx.openEvents();
    try {
      const started = await fx.api<RunStartedResponse>('/api/runs', { document: penguins, path: 'penguins.yaml', target: 'by_species' });
      expect(started.status).toBe(200);
      const { runId } = started.body;
      const finished = await until('run-finished', () =>
        messages.find((m) => m.type === 'run-finished' && (m.summary as { runId: string }).runId === runId),
      );
      expect((finished.summary as { status: string }).status).toBe('succeeded');
      const mine = messages.filter((m) => m.runId === runId || m.type === 'run-finished');
      expect(mine[0]).toMatchObject({ type: 'run-started', runId, target: 'by_species', file: path.join(fx.root, 'penguins.yaml') });
      const done = mine.filter((m) => m.type === 'node-status' && (m.node as { status: string }).status === 'done').map((m) => (m.node as { nodeId: string }).nodeId);
      expect(done).toEqual(expect.arrayContaining(['penguins', 'clean', 'known_sex', 'checks', 'features', 'by_species']));
      expect(done).not.toContain('model');
      expect(mine.at(-1)?.type).toBe('run-finished');

      const list = await fx.api<RunListResponse>('/api/runs?path=penguins.yaml');
      expect(list.body.runs.map((r) => r.id)).toContain(runId);
      const details = await fx.api<RunDetailsResponse>(`/api/runs/${runId}`);
      expect(details.body.run).toMatchObject({ id: runId, status: 'succeeded', targetNode: 'by_species' });
      expect(details.body.nodes.map((n) => n.nodeId)).toContain('by_species');
      expect(details.body.logs).toBeInstanceOf(Array);
      expect(details.body.metrics).toEqual([]);
      expect((await fx.api('/api/runs/no-such-run')).status).toBe(404);
      const other = await fx.api<RunListResponse>('/api/runs?path=copies/other.yaml');
      expect(other.body.runs).toEqual([]);
    } finally {
      socket.terminate();
    }
  });

  it('a run of an invalid pipeline is refused with its issues', async () => {
    const broken = clone(penguins);
    broken.nodes.find((n) => n.id === 'clean')!.type = 'no_such_type';
    const res = await fx.api('/api/runs', { document: broken, path: 'penguins.yaml' });
    expect(res.status).toBe(422);
    expect(res.body.issues).toContainEqual(expect.objectContaining({ code: 'UNKNOWN_NODE_TYPE', nodeId: 'clean' }));
  });

  it('a run is cancelled over HTTP and ends cancelled', async () => {
    const { socket, messages } = await fx.openEvents();
    try {
      const document = { millrace: 1, name: 'slow', nodes: [{ id: 'slow', type: 'sql', inputs: {}, params: { query: SLOW_QUERY } }] };
      const { body } = await fx.api<RunStartedResponse>('/api/runs', { document });
      await until('slow running', () => messages.find((m) => m.type === 'node-status' && m.runId === body.runId && (m.node as { status: string }).status === 'running'));
      const cancelledAt = Date.now();
      const cancel = await fx.api<{ cancelled: boolean }>(`/api/runs/${body.runId}/cancel`, {});
      expect(cancel.body).toEqual({ cancelled: true });
      const finished = await until('run-finished', () => messages.find((m) => m.type === 'run-finished' && (m.summary as { runId: string }).runId === body.runId));
      expect((finished.summary as { status: string }).status).toBe('cancelled');
      expect(Date.now() - cancelledAt).toBeLessThan(5000);
      expect((await fx.api<{ cancelled: boolean }>(`/api/runs/${body.runId}/cancel`, {})).body).toEqual({ cancelled: false });
    } finally {
      socket.terminate();
    }
  });

  it('a preview the client abandons is cancelled, and the server keeps answering', async () => {
    const document = { millrace: 1, name: 'slow', nodes: [{ id: 'slow', type: 'sql', inputs: {}, params: { query: SLOW_QUERY } }] };
    const controller = new AbortController();
    const abandoned = fx.api('/api/preview', { document, node: 'slow' }, { signal: controller.signal }).catch((error: Error) => error.name);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fx.server.activity().requests).toBe(1);
    controller.abort();
    expect(await abandoned).toBe('AbortError');
    // The query (minutes of work) was interrupted: the request's work is over at once.
    await until('the abandoned preview to stop', () => (fx.server.activity().requests === 0 ? true : undefined), 3000);
    const started = Date.now();
    const quick = { millrace: 1, name: 'quick', nodes: [{ id: 'q', type: 'sql', inputs: {}, params: { query: 'SELECT 42 AS answer' } }] };
    const answers = await Promise.all([1, 2, 3, 4].map(() => fx.api<PreviewResponse>('/api/preview', { document: quick, node: 'q' })));
    expect(answers.map((a) => a.body.rows[0])).toEqual([1, 2, 3, 4].map(() => ({ answer: 42 })));
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('autosave', () => {
  it('stores a document under a key, gives it back with when it was saved, and deletes it on null', async () => {
    const key = 'penguins.yaml#tab-1 with spaces/and slashes';
    const saved = await fx.api<AutosaveResponse>('/api/autosave', { key, document: penguins });
    expect(saved.status).toBe(200);
    expect(Date.parse(saved.body.savedAt!)).toBeGreaterThan(Date.now() - 60_000);
    expect(readdirSync(path.join(fx.root, '.millrace/autosave'))).toHaveLength(1);

    const loaded = await fx.api<AutosaveResponse>(`/api/autosave?key=${encodeURIComponent(key)}`);
    expect(loaded.body).toEqual({ key, document: penguins, savedAt: saved.body.savedAt });

    const removed = await fx.api<AutosaveResponse>('/api/autosave', { key, document: null });
    expect(removed.body.document).toBeNull();
    expect(readdirSync(path.join(fx.root, '.millrace/autosave'))).toEqual([]);
    expect((await fx.api<AutosaveResponse>(`/api/autosave?key=${encodeURIComponent(key)}`)).body).toEqual({ key, document: null, savedAt: null });
    expect(existsSync(path.join(fx.root, key))).toBe(false);
  });

  it('a read waits for a save that arrived before it, even while that save\'s body is still on its way', async () => {
    // As a reloading page does: its last edits leave as the page goes, and the new page asks at once.
    const key = 'reload-race';
    await fx.api('/api/autosave', { key, document: { ...penguins, name: 'older' } });
    const save = httpRequest(`${fx.origin}/api/autosave`, {
      method: 'POST',
      headers: { 'X-Millrace-Token': fx.server.token, Origin: fx.origin, 'Content-Type': 'application/json' },
    });
    const saved = new Promise<number>((resolve, reject) => {
      save.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      save.on('error', reject);
    });
    save.flushHeaders();
    await new Promise((resolve) => setTimeout(resolve, 200)); // the headers are in; the body is not
    const read = fx.api<AutosaveResponse>(`/api/autosave?key=${key}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    save.end(JSON.stringify({ key, document: { ...penguins, name: 'newer' } }));
    expect(await saved).toBe(200);
    expect((await read).body.document?.name).toBe('newer');
  });
});
