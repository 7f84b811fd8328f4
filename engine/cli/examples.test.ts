/**
 * The shipped examples: each validates, is in canonical form, survives load → fmt → load, and
 * runs with the real CLI — in a temporary copy of examples/, so no .millrace/ or out/ is left here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../nodes/catalogue.js';
import { formatPipeline } from '../pipeline/format-yaml.js';
import { loadResolvedFile } from '../pipeline/load-pipeline.js';
import { loadPipelineText } from '../pipeline/load-yaml.js';
import { ensureCliBuilt, repoRoot, runCli, tempCopy } from '../test-support/cli-process.js';

const examplesDir = path.join(repoRoot, 'examples');
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

const format = (text: string) => {
  const loaded = loadPipelineText(text);
  expect(loaded.issues).toEqual([]);
  return formatPipeline(loaded.document!, { catalogue: defaultCatalogue, source: text });
};

beforeAll(ensureCliBuilt, 120_000);

describe('examples/', () => {
  it('holds at least two example pipelines, the README one among them', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
    expect(examples).toContain('penguins.yaml');
    expect(readFileSync(path.join(repoRoot, 'README.md'), 'utf8')).toContain('examples/penguins.yaml');
  });

  it.each(examples)('%s validates with no errors or warnings', async (file) => {
    const loaded = await loadResolvedFile(path.join(examplesDir, file), defaultCatalogue);
    expect(loaded.issues).toEqual([]);
    expect(loaded.pipeline?.order.length).toBeGreaterThan(3);
  });

  it.each(examples)('%s is in canonical form, and load → fmt → load gives the same pipeline', (file) => {
    const text = readFileSync(path.join(examplesDir, file), 'utf8');
    const formatted = format(text);
    expect(formatted).toBe(text);
    expect(loadPipelineText(formatted).document).toEqual(loadPipelineText(text).document);
    expect(format(formatted)).toBe(formatted);
    // Without the source text (no comments to keep), the canonical form loads to the same pipeline too.
    const bare = formatPipeline(loadPipelineText(text).document!, { catalogue: defaultCatalogue });
    expect(loadPipelineText(bare).document).toEqual(loadPipelineText(text).document);
  });

  it('millrace fmt --check examples/*.yaml exits 0', async () => {
    const result = await runCli(['fmt', '--check', ...examples.map((f) => `examples/${f}`)], { cwd: repoRoot });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it.concurrent.each(examples)(
    '%s runs to completion with the CLI and writes every sink file',
    async (file) => {
      const dir = tempCopy(examplesDir, 'millrace-example-');
      const result = await runCli(['run', file], { cwd: dir, timeoutMs: 110_000 });
      expect(result.stderr).toMatch(/Run succeeded in .*\n$/);
      expect(result.code).toBe(0);
      expect(result.stderr).not.toMatch(/✗|failed/);
      const pipeline = (await loadResolvedFile(path.join(dir, file), defaultCatalogue)).pipeline!;
      for (const node of pipeline.nodes.values()) {
        const target = (node.rawParams as { path?: unknown }).path;
        if (node.definition.kind === 'sink' && typeof target === 'string') expect(existsSync(path.join(dir, target)), `${node.id}: ${target}`).toBe(true);
      }
    },
    120_000,
  );
});
