/**
 * Where the benchmark's files are, from either the TypeScript sources (vitest) or the compiled
 * dist/bench/ (npm run bench): both find the repository by walking up to its package.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'millrace') return dir;
    if (path.dirname(dir) === dir) throw new Error(`Cannot find the Millrace repository above ${start}.`);
  }
}

export const repoRoot = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));
export const benchDir = path.join(repoRoot, 'bench');
/** Generated data and per-run work folders (git-ignored). */
export const dataRoot = path.join(benchDir, 'data');
export const workRoot = path.join(dataRoot, 'work');
export const pipelineTemplate = path.join(benchDir, 'pipeline.yaml');
export const handQueryFile = path.join(benchDir, 'hand-query.sql');
export const millraceCli = path.join(repoRoot, 'bin', 'millrace.js');
