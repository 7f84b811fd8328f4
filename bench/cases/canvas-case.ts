/**
 * Case 7: the canvas in Chromium, measured by bench/canvas/canvas-bench.ts (written alongside).
 * Loaded only when it exists, so the other cases run without it; its failure is noted, not fatal.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchCaseResult } from '../bench-types.js';
import type { BenchCase } from '../bench-context.js';
import { unmeasuredCase } from '../case-result.js';

type CanvasBench = (options: { quick: boolean }) => Promise<BenchCaseResult[]>;

const TARGET = '1000-node pan frame ≤ 2× the 20-node one';

export const canvasCase: BenchCase = {
  id: 'canvas',
  title: 'Canvas in Chromium: 1000-node pipeline vs 20-node',
  async run({ options }) {
    // A URL in a variable: the module may not exist when this is compiled.
    const moduleUrl = new URL('../canvas/canvas-bench.js', import.meta.url);
    if (!existsSync(fileURLToPath(moduleUrl))) return [unmeasuredCase('canvas', this.title, TARGET, 'bench/canvas/canvas-bench.ts is not there (yet)')];
    try {
      const loaded = (await import(moduleUrl.href)) as { runCanvasBench?: CanvasBench };
      if (typeof loaded.runCanvasBench !== 'function') return [unmeasuredCase('canvas', this.title, TARGET, 'bench/canvas/canvas-bench.ts exports no runCanvasBench')];
      return await loaded.runCanvasBench({ quick: options.quick });
    } catch (error) {
      return [unmeasuredCase('canvas', this.title, TARGET, `the canvas bench failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)];
    }
  },
};
