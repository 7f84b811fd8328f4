import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../engine/engine.js';
import { loadResolvedFile } from '../../engine/pipeline/load-pipeline.js';
import { defaultCatalogue } from '../../nodes/catalogue.js';
import { COLUMN_PITCH, dragNodeId, gridColumns, ROW_PITCH, writeBenchProject } from './bench-pipeline.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const root = mkdtempSync(path.join(os.tmpdir(), 'millrace-canvas-pipeline-'));
const files = writeBenchProject(root, [1, 2, 20, 200], repoRoot);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('canvas bench pipelines', () => {
  it.each([1, 2, 20, 200])('the %i-node pipeline validates, with every node placed on its own grid cell', async (size) => {
    const loaded = await loadResolvedFile(path.join(root, files.get(size)!), defaultCatalogue);
    expect(loaded.issues).toEqual([]);
    expect(loaded.document?.nodes).toHaveLength(size);
    const layout = loaded.document?.layout ?? {};
    expect(Object.keys(layout).sort()).toEqual(loaded.document!.nodes.map((n) => n.id).sort());
    const cells = new Set(Object.values(layout).map((p) => `${p.x / COLUMN_PITCH},${p.y / ROW_PITCH}`));
    expect(cells.size).toBe(size);
    expect(Math.max(...Object.values(layout).map((p) => p.x / COLUMN_PITCH))).toBe(Math.min(size, gridColumns(size)) - 1);
    expect(layout[dragNodeId(size)]).toBeDefined();
  });

  it('a row of the grid previews: each derive adds a column, the select after it drops it again', async () => {
    expect(gridColumns(20)).toBe(6);
    const engine = await createEngine({ projectDir: root });
    try {
      const loaded = await engine.loadFile(path.join(root, files.get(20)!));
      // r1c5: the second row's last node, after filter → derive → select → filter → derive → select.
      const preview = await engine.preview(loaded.pipeline!, 'r1c5', { limit: 5 });
      expect(preview.columns.map((c) => c.name)).toEqual(['date', 'precipitation', 'temp_max', 'temp_min', 'wind', 'weather']);
      expect(preview.rows).toHaveLength(5);
    } finally {
      await engine.dispose();
    }
  });
});
