/** `millrace preview FILE NODE [--limit N] [--json]`: the first rows of any node, computed lazily. */
import { formatDuration, formatTable, formatValue } from '../format-table.js';
import { nodeFailure, openPipeline, requireNode, wholeNumber, type EngineFlags } from '../open-pipeline.js';

export async function previewCommand(file: string, nodeId: string, options: EngineFlags & { limit: string; offset?: string; port?: string; json?: boolean }): Promise<number> {
  const { engine, pipeline } = await openPipeline(file, options);
  try {
    requireNode(pipeline, nodeId);
    const request = { limit: wholeNumber(options.limit, '--limit'), offset: wholeNumber(options.offset ?? '0', '--offset'), port: options.port };
    const result = await engine.preview(pipeline, nodeId, request).catch((error: unknown) => {
      throw nodeFailure(error, 'preview', nodeId);
    });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(result.rows, null, 2)}\n`);
      return 0;
    }
    const header = [result.columns.map((c) => c.name), result.columns.map((c) => c.type.toLowerCase())];
    const numeric = new Set(result.columns.flatMap((c, i) => (/INT|DOUBLE|FLOAT|DECIMAL|REAL|NUMERIC/.test(c.type) ? [i] : [])));
    const rows = result.rows.map((r) => result.columns.map((c) => formatValue(r[c.name])));
    process.stdout.write(`${formatTable(header, rows, { alignRight: numeric })}\n`);
    const total = result.totalRows !== null ? ` of ${result.totalRows.toLocaleString('en-US')}` : '';
    const source = result.cached ? 'from the cache' : 'computed lazily';
    process.stderr.write(`${result.rows.length} row(s)${total}, ${result.columns.length} column(s) of ${result.nodeId}.${result.port} (${source}, ${formatDuration(result.elapsedMs)})\n`);
    return 0;
  } finally {
    await engine.dispose();
  }
}
