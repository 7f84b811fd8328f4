/** Every case of `npm run bench`, in the order they run (ids are what --only takes). */
import type { BenchCase } from '../bench-context.js';
import { canvasCase } from './canvas-case.js';
import { exportCase } from './export-case.js';
import { memoryCase } from './memory-case.js';
import { previewCase } from './preview-case.js';
import { profileCase } from './profile-case.js';
import { rerunCase } from './rerun-case.js';
import { runCase } from './run-case.js';
import { workerCase } from './worker-case.js';

export const benchCases: readonly BenchCase[] = [previewCase, profileCase, runCase, rerunCase, memoryCase, exportCase, workerCase, canvasCase];

/** The cases --only names, or a message listing the ids when one is unknown. */
export function selectCases(only: readonly string[]): BenchCase[] {
  if (only.length === 0) return [...benchCases];
  const unknown = only.filter((id) => !benchCases.some((c) => c.id === id));
  if (unknown.length > 0) throw new Error(`Unknown case id(s): ${unknown.join(', ')}. Known: ${benchCases.map((c) => c.id).join(', ')}.`);
  return benchCases.filter((c) => only.includes(c.id));
}
