/** `millrace validate FILE`: every problem with its line, or one line saying the pipeline is valid. */
import { defaultCatalogue } from '../../../nodes/catalogue.js';
import { loadResolvedFile } from '../../pipeline/load-pipeline.js';
import { hasErrors, printIssues } from '../print-issues.js';

export async function validateCommand(file: string, options: { json?: boolean }): Promise<number> {
  const loaded = await loadResolvedFile(file, defaultCatalogue);
  const errors = loaded.issues.filter((i) => i.severity === 'error').length;
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ valid: errors === 0, issues: loaded.issues }, null, 2)}\n`);
  } else {
    printIssues(loaded.issues, file);
    process.stderr.write(errors === 0 ? `✓ ${file} is valid: ${loaded.pipeline?.order.length ?? 0} nodes.\n` : `✗ ${file}: ${errors} error(s).\n`);
  }
  return hasErrors(loaded.issues) ? 1 : 0;
}
