/** `millrace run FILE [--node ID]`: progress per node on stderr, exit 1 naming the node that failed. */
import type { EngineEvent, NodeRunSummary } from '../../contract/events.js';
import { formatDuration, oneLine } from '../format-table.js';
import { CliError, openPipeline, requireNode, type EngineFlags } from '../open-pipeline.js';

function describe(node: NodeRunSummary): string | undefined {
  const label = `${node.nodeId} (${node.nodeType})`;
  const rows = node.outputRows
    ? Object.entries(node.outputRows).map(([port, n]) => `${port} ${n.toLocaleString('en-US')}`).join(' / ')
    : node.rows?.toLocaleString('en-US');
  const size =
    rows !== undefined
      ? ` ${rows} rows${node.columns !== undefined ? ` × ${node.columns} cols` : ''}`
      : node.fusedInto && node.status !== 'running'
        ? ` within ${node.fusedInto}`
        : '';
  const time = node.durationMs !== undefined ? ` in ${formatDuration(node.durationMs)}` : '';
  switch (node.status) {
    case 'running':
      return `  … ${label} running (${node.reason})`;
    case 'done':
      return `  ✓ ${label}${size}${time} (${node.reason})${node.warnings?.length ? `\n    warning: ${node.warnings.join('\n    warning: ')}` : ''}`;
    case 'cached':
      return `  ● ${label} cached${size} (${node.reason})${node.warnings?.length ? `\n    warning: ${node.warnings.join('\n    warning: ')}` : ''}`;
    case 'failed':
      return `  ✗ ${label} failed${time}: ${oneLine(node.error ?? 'unknown error')}`;
    case 'skipped':
      return `  - ${label} skipped: ${node.reason}`;
    case 'cancelled':
      return `  ■ ${label} cancelled`;
    default:
      return undefined;
  }
}

export async function runCommand(file: string, options: EngineFlags & { node?: string; json?: boolean }): Promise<number> {
  const { engine, pipeline } = await openPipeline(file, options);
  try {
    if (options.node) requireNode(pipeline, options.node);
    const off = engine.on((event: EngineEvent) => {
      if (event.type === 'node-status') {
        const line = describe(event.node);
        if (line) process.stderr.write(`${line}\n`);
      } else if (event.type === 'log' && event.nodeId) {
        process.stderr.write(`    ${event.nodeId}: ${event.message}\n`);
      }
    });
    const handle = engine.run(pipeline, { target: options.node });
    process.stderr.write(`Running ${pipeline.document.name}${options.node ? ` up to ${options.node}` : ''} (run ${handle.runId.slice(0, 8)})\n`);
    let interrupts = 0;
    const onSigint = () => {
      interrupts++;
      if (interrupts === 1) {
        process.stderr.write('Cancelling… (press Ctrl+C again to quit at once)\n');
        handle.cancel();
      } else {
        process.exit(130);
      }
    };
    process.on('SIGINT', onSigint);
    process.on('SIGTERM', onSigint);
    const summary = await handle.result;
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
    off();
    const counts = new Map<string, number>();
    for (const n of summary.nodes) counts.set(n.status, (counts.get(n.status) ?? 0) + 1);
    const tally = [...counts].map(([status, n]) => `${n} ${status}`).join(', ');
    if (options.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    if (summary.status === 'succeeded') {
      process.stderr.write(`Run succeeded in ${formatDuration(summary.durationMs)}: ${tally}.\n`);
      return 0;
    }
    if (summary.status === 'cancelled') {
      process.stderr.write(`Run cancelled after ${formatDuration(summary.durationMs)}: ${tally}. No output was half-written.\n`);
      return 130;
    }
    throw new CliError(`Run failed: ${oneLine(summary.error ?? tally)}`);
  } finally {
    await engine.dispose();
  }
}
