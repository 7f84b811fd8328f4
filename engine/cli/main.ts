/**
 * The `millrace` command line. Each command is a small module in commands/; this file only
 * parses arguments (commander) and turns failures into one clear message and an exit code.
 */
import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { errorMessage } from '../execute/error-message.js';
import { catalogueCommand, docsCommand } from './commands/docs.js';
import { fmtCommand } from './commands/fmt.js';
import { gpusCommand } from './commands/gpus.js';
import { previewCommand } from './commands/preview.js';
import { profileCommand } from './commands/profile.js';
import { runCommand } from './commands/run.js';
import { serveCommand } from './commands/serve.js';
import { validateCommand } from './commands/validate.js';
import { CliError } from './open-pipeline.js';

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
const debug = process.argv.includes('--debug');

function engineOptions(command: Command): Command {
  return command
    .addOption(new Option('--memory-limit <size>', "DuckDB memory limit, e.g. 4GB (default: half this machine's memory)"))
    .addOption(new Option('--threads <n>', 'DuckDB threads (default: all cores)'));
}

const program = new Command()
  .name('millrace')
  .description('Run, check and inspect Millrace pipelines (YAML) on the local engine.')
  .version(pkg.version)
  .option('--debug', 'show stack traces for unexpected errors')
  .showHelpAfterError('(run `millrace --help` for usage)')
  .exitOverride();

let exitCode = 0;
const exit = (code: number) => {
  exitCode = code;
};

engineOptions(
  program
    .command('run')
    .description('Run a pipeline: all nodes, or one node and what it needs. Unchanged nodes come from the cache.')
    .argument('<file>', 'pipeline YAML file')
    .option('--node <id>', 'run only this node and its ancestors')
    .option('--json', 'print the run summary as JSON on stdout'),
).action(async (file: string, options) => exit(await runCommand(file, options)));

program
  .command('validate')
  .description('Check a pipeline file without running it; every problem is printed with its line and node.')
  .argument('<file>', 'pipeline YAML file')
  .option('--json', 'print {valid, issues} as JSON')
  .action(async (file: string, options) => exit(await validateCommand(file, options)));

program
  .command('fmt')
  .description('Rewrite pipeline files in canonical form (stable key and node order, layout last).')
  .argument('<files...>', 'pipeline YAML files')
  .option('--check', 'do not write; exit 1 if a file is not formatted')
  .option('--stdout', 'print the formatted text instead of writing the file')
  .action(async (files: string[], options) => exit(await fmtCommand(files, options)));

engineOptions(
  program
    .command('preview')
    .description("Show the first rows of a node's output, computed lazily (only what that node needs).")
    .argument('<file>', 'pipeline YAML file')
    .argument('<node>', 'node id')
    .option('--limit <n>', 'number of rows', '20')
    .option('--offset <n>', 'rows to skip', '0')
    .option('--port <name>', 'output port, for nodes with several (split)')
    .option('--json', 'print the rows as a JSON array of objects'),
).action(async (file: string, node: string, options) => exit(await previewCommand(file, node, options)));

engineOptions(
  program
    .command('profile')
    .description('Profile every column of a node output: type, nulls, distinct, range, quantiles, histogram, top values.')
    .argument('<file>', 'pipeline YAML file')
    .argument('<node>', 'node id')
    .option('--port <name>', 'output port, for nodes with several (split)')
    .option('--sample <rows>', 'profile a random sample of this many rows')
    .option('--json', 'print the profile as JSON'),
).action(async (file: string, node: string, options) => exit(await profileCommand(file, node, options)));

engineOptions(
  program
    .command('serve')
    .description('Open the visual builder for the pipelines in a folder: prints its address (with a session token) and opens the browser.')
    .argument('[dir]', 'the folder with the pipelines (default: the current folder)')
    .option('--port <n>', 'port on 127.0.0.1 (default: a free one)')
    .option('--no-open', 'do not open the browser'),
).action(async (dir: string | undefined, options) => exit(await serveCommand(dir, options)));

program
  .command('gpus')
  .description('Show the Python and PyTorch that train models, and the GPUs they see.')
  .option('--python <path>', 'probe this Python first')
  .option('--json', 'print the report as JSON')
  .action(async (options) => exit(await gpusCommand(options)));

program
  .command('docs')
  .description('Print the node reference (Markdown), or update it in a README between its markers.')
  .option('--write <file>', 'update the reference in this file')
  .option('--check <file>', 'exit 1 if the reference in this file is out of date')
  .action(async (options) => exit(await docsCommand(options)));

program
  .command('catalogue')
  .description('Print the node catalogue as JSON (ports, params as JSON Schema, labels, categories).')
  .action(() => exit(catalogueCommand()));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof CliError) {
    process.stderr.write(`${error.message}\n`);
    exitCode = error.exitCode;
  } else {
    process.stderr.write(`millrace: ${errorMessage(error)}\n`);
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    else process.stderr.write('(run again with --debug for details)\n');
    exitCode = 1;
  }
}
process.exitCode = exitCode;
