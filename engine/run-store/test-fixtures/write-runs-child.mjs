// One of two processes writing to the same store file at once, for concurrency.test.ts.
// argv: store file, number of runs, a name for this writer.
import process from 'node:process';
import { RunStore } from '../run-store.js';

const [file, count, writer] = process.argv.slice(2);
const store = RunStore.open(file);
for (let i = 0; i < Number(count); i += 1) {
  const runId = store.startRun({ pipelineName: `${writer} ${i}`, file: `${writer}.yaml`, target: null });
  store.startNode(runId, { nodeId: 'load', nodeType: 'read_csv', fingerprint: `${writer}-${i}`, reason: 'no cached output' });
  for (let line = 0; line < 10; line += 1) store.log(runId, 'load', 'info', `${writer} run ${i} line ${line}`);
  store.finishNode(runId, 'load', { status: 'done', cacheHit: false, durationMs: 1, rows: i, columns: 3 });
  store.recordMetric(runId, 'load', { epoch: i, name: 'loss', value: 1 / (i + 1) });
  store.finishRun(runId, 'succeeded');
}
store.close();
process.stdout.write('done\n');
