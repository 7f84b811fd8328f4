/** `millrace profile FILE NODE [--json]`: per-column statistics, histograms and top values. */
import { formatDuration, formatTable, formatValue, sparkline } from '../format-table.js';
import { nodeFailure, openPipeline, requireNode, wholeNumber, type EngineFlags } from '../open-pipeline.js';

export async function profileCommand(file: string, nodeId: string, options: EngineFlags & { port?: string; sample?: string; json?: boolean }): Promise<number> {
  const { engine, pipeline } = await openPipeline(file, options);
  try {
    requireNode(pipeline, nodeId);
    const request = { port: options.port, sampleRows: options.sample !== undefined ? wholeNumber(options.sample, '--sample') : undefined };
    const profile = await engine.profile(pipeline, nodeId, request).catch((error: unknown) => {
      throw nodeFailure(error, 'profile', nodeId);
    });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(profile, null, 2)}\n`);
      return 0;
    }
    const header = [['column', 'type', 'nulls', 'distinct', 'distribution / top values', 'min', 'max', 'mean', 'std']];
    const rows = profile.columns.map((c) => {
      const shape = c.histogram
        ? sparkline(c.histogram.map((b) => b.count))
        : c.top_values
          ? c.top_values.slice(0, 3).map((t) => `${formatValue(t.value)} (${t.count})`).join(', ')
          : '';
      const nulls = c.nulls === 0 ? '0' : `${c.nulls} (${(c.null_share * 100).toFixed(1)}%)`;
      const stat = (v: unknown) => (v === undefined || v === null ? '' : formatValue(v));
      return [c.name, c.type.toLowerCase(), nulls, `${c.distinct_approx ? '≈' : ''}${c.distinct}`, shape, stat(c.min), stat(c.max), stat(c.mean), stat(c.std)];
    });
    process.stdout.write(`${formatTable(header, rows, { cellWidth: 40, alignRight: new Set([2, 3, 7, 8]) })}\n`);
    const sampled = profile.sampled ? ` (a sample of ${profile.sampleRows?.toLocaleString('en-US')} rows)` : '';
    process.stderr.write(`${profile.rowCount.toLocaleString('en-US')} rows, ${profile.columns.length} columns${sampled}; profiled in ${formatDuration(profile.elapsedMs)}\n`);
    return 0;
  } finally {
    await engine.dispose();
  }
}
