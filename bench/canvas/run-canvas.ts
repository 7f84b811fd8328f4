/**
 * The canvas cases alone, for working on the canvas's speed:
 *
 *   node dist/bench/canvas/run-canvas.js [--quick] [--nodes 1000] [--static-dir dist/renderer]
 *     [--screenshot canvas.png] [--json out.json]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runCanvasBench } from './canvas-bench.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    nodes: { type: 'string' },
    'static-dir': { type: 'string' },
    screenshot: { type: 'string' },
    json: { type: 'string' },
  },
});

const started = Date.now();
const results = await runCanvasBench({
  quick: values.quick,
  ...(values.nodes ? { nodes: Number(values.nodes) } : {}),
  ...(values['static-dir'] ? { staticDir: values['static-dir'] } : {}),
  ...(values.screenshot ? { screenshot: values.screenshot } : {}),
  log: (line) => console.log(line),
});
for (const r of results) {
  const verdict = r.met === undefined ? '' : r.met ? ': met' : ': MISSED';
  const ratio = r.ratio === undefined ? '' : ` → ${r.ratio.toFixed(2)}× (target ${r.target}${verdict})`;
  console.log(`\n${r.id}: ${r.ours.median.toFixed(1)} ${r.ours.unit} vs ${r.reference?.median.toFixed(1) ?? '–'} ${r.ours.unit}${ratio}\n  ${r.note ?? ''}`);
}
console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s)`);
if (values.json) writeFileSync(values.json, JSON.stringify(results, null, 2));
