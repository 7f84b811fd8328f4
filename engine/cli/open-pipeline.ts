/** Shared by the CLI commands: open the engine for a pipeline file and load it, or explain why not. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createEngine, type Engine } from '../engine.js';
import type { ResolvedPipeline } from '../pipeline/document.js';
import { NodePreviewError } from '../preview/lazy-relation.js';
import { oneLine } from './format-table.js';
import { hasErrors, printIssues } from './print-issues.js';

export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

export interface EngineFlags {
  memoryLimit?: string;
  threads?: string;
}

export async function openPipeline(file: string, flags: EngineFlags = {}): Promise<{ engine: Engine; pipeline: ResolvedPipeline }> {
  const absolute = path.resolve(file);
  if (!existsSync(absolute)) throw new CliError(`${file}: no such file.`);
  const engine = await createEngine({
    projectDir: path.dirname(absolute),
    memoryLimit: flags.memoryLimit,
    threads: flags.threads !== undefined ? wholeNumber(flags.threads, '--threads') : undefined,
    // One command, then the process exits: nothing to keep in memory for a later run.
    keepInMemory: false,
  });
  for (const warning of engine.warnings) process.stderr.write(`warning: ${warning}\n`);
  const loaded = await engine.loadFile(absolute);
  printIssues(loaded.issues.filter((i) => i.severity === 'warning'), absolute);
  if (!loaded.pipeline || hasErrors(loaded.issues)) {
    printIssues(loaded.issues.filter((i) => i.severity === 'error'), absolute);
    await engine.dispose();
    const count = loaded.issues.filter((i) => i.severity === 'error').length;
    throw new CliError(`${file}: ${count} error(s); nothing was run.`);
  }
  return { engine, pipeline: loaded.pipeline };
}

export function requireNode(pipeline: ResolvedPipeline, nodeId: string): void {
  if (!pipeline.nodes.has(nodeId)) {
    throw new CliError(`There is no node "${nodeId}" in ${pipeline.document.name}. Nodes: ${pipeline.order.join(', ')}.`);
  }
}

/**
 * A node that fails while it is previewed or profiled is the user's problem to fix, not a crash:
 * one line naming the node (no "--debug for details"). Anything else is passed on unchanged.
 */
export function nodeFailure(error: unknown, action: 'preview' | 'profile', nodeId: string): unknown {
  if (!(error instanceof NodePreviewError)) return error;
  const cause = oneLine(error.message);
  const named = cause.includes(`"${error.nodeId}"`) ? cause : `node "${error.nodeId}" failed: ${cause}`;
  return new CliError(`Cannot ${action} "${nodeId}": ${named}`);
}

/** A count given on the command line (`--limit 10`), or a CliError saying what is wrong with it. */
export function wholeNumber(text: string, flag: string): number {
  if (!/^\d+$/.test(text.trim())) throw new CliError(`${flag} must be a whole number of 0 or more, got "${text}".`);
  return Number(text);
}
