/** `millrace fmt FILE [--check]`: rewrite a pipeline file in canonical form (idempotent). */
import { readFile, writeFile } from 'node:fs/promises';
import { defaultCatalogue } from '../../../nodes/catalogue.js';
import { errorMessage } from '../../execute/error-message.js';
import { formatPipeline } from '../../pipeline/format-yaml.js';
import { loadPipelineText } from '../../pipeline/load-yaml.js';
import { hasErrors, printIssues } from '../print-issues.js';

export async function fmtCommand(files: string[], options: { check?: boolean; stdout?: boolean }): Promise<number> {
  let status = 0;
  for (const file of files) {
    let before: string;
    try {
      before = await readFile(file, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : errorMessage(error);
      process.stderr.write(`✗ ${file}: ${reason}.\n`);
      status = 1;
      continue;
    }
    const loaded = loadPipelineText(before, { file });
    if (!loaded.document || hasErrors(loaded.issues)) {
      printIssues(loaded.issues, file);
      process.stderr.write(`✗ ${file}: not formatted, fix the errors above first.\n`);
      status = 1;
      continue;
    }
    const after = formatPipeline(loaded.document, { catalogue: defaultCatalogue, source: before });
    if (options.stdout) {
      process.stdout.write(after);
    } else if (options.check) {
      if (after !== before) {
        process.stderr.write(`✗ ${file} is not in canonical form (run: millrace fmt ${file})\n`);
        status = 1;
      }
    } else if (after !== before) {
      await writeFile(file, after);
      process.stderr.write(`formatted ${file}\n`);
    } else {
      process.stderr.write(`${file} already formatted\n`);
    }
  }
  return status;
}
