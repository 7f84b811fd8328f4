/** `millrace docs [--write README.md]` and `millrace catalogue`: the node reference and catalogue JSON. */
import { readFile, writeFile } from 'node:fs/promises';
import { defaultCatalogue } from '../../../nodes/catalogue.js';
import { DOCS_END, DOCS_START, nodeReferenceMarkdown, replaceNodeReference } from '../../../nodes/catalogue-docs.js';
import { catalogueToJson } from '../../../nodes/catalogue-json.js';
import { CliError } from '../open-pipeline.js';

export async function docsCommand(options: { write?: string; check?: string }): Promise<number> {
  const target = options.write ?? options.check;
  if (!target) {
    process.stdout.write(`${nodeReferenceMarkdown(defaultCatalogue)}\n`);
    return 0;
  }
  const before = await readFile(target, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`${target}: ${error.code === 'ENOENT' ? 'no such file' : error.message}.`);
  });
  if (!before.includes(DOCS_START) || !before.includes(DOCS_END)) {
    throw new CliError(`${target} has no node-reference markers: put these two lines where the reference goes:\n${DOCS_START}\n${DOCS_END}`);
  }
  const after = replaceNodeReference(before, defaultCatalogue);
  if (options.check) {
    if (before !== after) process.stderr.write(`✗ The node reference in ${target} is out of date: run npm run docs.\n`);
    return before === after ? 0 : 1;
  }
  if (before !== after) await writeFile(target, after);
  process.stderr.write(`${before === after ? 'unchanged' : 'updated'} ${target}\n`);
  return 0;
}

export function catalogueCommand(): number {
  process.stdout.write(`${JSON.stringify(catalogueToJson(defaultCatalogue), null, 2)}\n`);
  return 0;
}
