/**
 * POST /api/results as the canvas asks it when a pipeline opens: real server, real engine, over a
 * temporary copy of examples/penguins.yaml, before and after a run made over HTTP.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PipelineDocument, PipelineFileResponse, RunListResponse, RunStartedResponse, StoredResultsResponse } from '../contract/api.js';
import type { NodeRunSummary } from '../contract/events.js';
import { startFixture, type ServerFixture } from './test-support/server-fixture.js';

let fx: ServerFixture;
let penguins: PipelineDocument;

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const results = (document: unknown, path = 'penguins.yaml') => fx.api<StoredResultsResponse>('/api/results', { document, path });

async function runToTheEnd(document: PipelineDocument): Promise<NodeRunSummary[]> {
  const { socket, messages } = await fx.openEvents();
  try {
    const { body } = await fx.api<RunStartedResponse>('/api/runs', { document, path: 'penguins.yaml' });
    const started = Date.now();
    for (;;) {
      const finished = messages.find((m) => m.type === 'run-finished' && (m.summary as { runId: string }).runId === body.runId);
      if (finished) return (finished.summary as { nodes: NodeRunSummary[] }).nodes;
      if (Date.now() - started > 60_000) throw new Error('the run did not finish in 60 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    socket.terminate();
  }
}

beforeAll(async () => {
  fx = await startFixture();
  penguins = (await fx.api<PipelineFileResponse>('/api/pipelines/file?path=penguins.yaml')).body.document!;
});

afterAll(async () => {
  await fx.close();
});

describe('results kept from earlier runs, over HTTP', () => {
  it('lists nothing before a run; after one, the nodes a run would serve from the cache, with their rows', async () => {
    expect(await results(penguins)).toEqual({ status: 200, body: { nodes: {} } });

    const nodes = await runToTheEnd(penguins);
    expect(nodes.every((n) => n.status === 'done')).toBe(true);
    const fused = nodes.filter((n) => n.fusedInto !== undefined).map((n) => n.nodeId);
    expect(fused.length).toBeGreaterThan(0);

    const { status, body } = await results(penguins);
    expect(status).toBe(200);
    expect(Object.keys(body.nodes).sort()).toEqual(nodes.map((n) => n.nodeId).sort());
    for (const id of fused) expect(body.nodes[id]).toEqual({ status: 'cached', fusedInto: nodes.find((n) => n.nodeId === id)?.fusedInto });
    expect(body.nodes.features).toEqual({ status: 'cached', rows: 333, columns: 9 });
    expect(body.nodes.checks).toMatchObject({ status: 'cached', rows: 333, failedChecks: 0 });
    expect(body.nodes.parts?.outputRows).toEqual(nodes.find((n) => n.nodeId === 'parts')?.outputRows);
    const model = nodes.find((n) => n.nodeId === 'model')!;
    expect(body.nodes.model).toEqual({ status: 'cached', rows: model.rows, columns: model.columns });
    expect(body.nodes.species_report).toEqual({ status: 'cached', rows: nodes.find((n) => n.nodeId === 'species_report')?.rows });

    const runs = await fx.api<RunListResponse>('/api/runs?path=penguins.yaml');
    expect(runs.body.runs).toHaveLength(1);
  });

  it('a node that is not valid yet hides only itself and what reads it', async () => {
    const edited = clone(penguins);
    edited.nodes.find((n) => n.id === 'by_species')!.params = { bogus: true };
    const { status, body } = await results(edited);
    expect(status).toBe(200);
    expect(body.nodes).not.toHaveProperty('by_species');
    expect(body.nodes).not.toHaveProperty('species_report');
    expect(body.nodes.features).toEqual({ status: 'cached', rows: 333, columns: 9 });
    expect(body.nodes).toHaveProperty('train_file');
  });

  it('a changed param upstream hides everything after it; a document of the wrong shape is refused', async () => {
    const edited = clone(penguins);
    edited.nodes.find((n) => n.id === 'features')!.params = { columns: { Heavy: '"Body Mass (g)" > 5000' } };
    const { body } = await results(edited);
    const ownResults = Object.entries(body.nodes).filter(([, r]) => r.fusedInto === undefined);
    expect(ownResults.map(([id]) => id)).toEqual(['checks']);
    // The steps computed inside checks' query are still shown within it.
    expect(Object.values(body.nodes).filter((r) => r.fusedInto !== undefined).every((r) => r.fusedInto === 'checks')).toBe(true);

    const wrong = await results({ nodes: 'not a list' });
    expect(wrong.status).toBe(422);
  });

  it('a trained model whose folder is gone is not listed; what it scored is still kept', async () => {
    rmSync(path.join(fx.root, '.millrace/models'), { recursive: true, force: true });
    const { body } = await results(penguins);
    expect(body.nodes).not.toHaveProperty('model');
    expect(body.nodes).toHaveProperty('scored');
  });
});
