/**
 * Golden pipelines: each folder in cases/ holds a pipeline.yaml, its data, and expected/<file> for
 * every file its sinks write to out/<file>. The pipeline runs through the engine in a temporary
 * copy of the folder, and each output must equal its expected file byte for byte (and no output
 * may go unchecked). Adding a regression test is adding a folder; NOTES.md there says how the
 * expected files were worked out (by hand or by an independent method, never by Millrace).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine.js';
import { tempCopy } from '../test-support/cli-process.js';

const casesDir = fileURLToPath(new URL('./cases/', import.meta.url));
const cases = readdirSync(casesDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

/** Files under a folder, as paths relative to it, sorted. */
function filesUnder(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

describe('golden pipelines', () => {
  it('there are cases, and each has a pipeline and expected outputs', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
    for (const name of cases) {
      expect(existsSync(path.join(casesDir, name, 'pipeline.yaml')), `${name}/pipeline.yaml`).toBe(true);
      expect(filesUnder(path.join(casesDir, name, 'expected')).length, `${name}/expected/`).toBeGreaterThan(0);
    }
  });

  it.each(cases)('%s', async (name) => {
    const source = path.join(casesDir, name);
    const dir = tempCopy(source, `millrace-golden-${name}-`);
    const engine = await createEngine({ projectDir: dir, threads: 2, memoryLimit: '1GB' });
    try {
      const loaded = await engine.loadFile('pipeline.yaml');
      expect(loaded.issues).toEqual([]);
      const summary = await engine.run(loaded.pipeline!).result;
      expect(summary.error).toBeUndefined();
      expect(summary.status).toBe('succeeded');
      const expected = filesUnder(path.join(source, 'expected'));
      expect(filesUnder(path.join(dir, 'out'))).toEqual(expected);
      for (const file of expected) {
        const actual = readFileSync(path.join(dir, 'out', file), 'utf8');
        expect(actual, `${name}: out/${file}`).toBe(readFileSync(path.join(source, 'expected', file), 'utf8'));
      }
    } finally {
      await engine.dispose();
    }
  });
});
