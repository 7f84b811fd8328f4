// A millrace process in the middle of a run, for crash-recovery.test.ts: it opens the store file
// given as argv[2] with the real RunStore, starts a run with one node running and one pending,
// reports the run id on stdout, then waits to be killed.
import process from 'node:process';
import { setInterval } from 'node:timers';
import { RunStore } from '../run-store.js';

const file = process.argv[2];
const store = RunStore.open(file);
const runId = store.startRun({ pipelineName: 'penguins', file: 'pipelines/penguins.yaml', target: null });
store.recordNodes(runId, [{ nodeId: 'report', nodeType: 'write_csv', status: 'pending' }]);
store.startNode(runId, { nodeId: 'load', nodeType: 'read_csv', fingerprint: 'fp-load', reason: 'no cached output' });
store.log(runId, 'load', 'info', 'reading penguins.csv');
store.flushLogs();
process.stdout.write(`${JSON.stringify({ runId, pid: process.pid })}\n`);
setInterval(() => {}, 60_000);
