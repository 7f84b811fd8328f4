/** Shared by the CLI commands: open the engine for a pipeline file and load it, or explain why not. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createEngine, type Engine } from '../engine.js';
import type { ResolvedPipeline } from '../pipeline/document.js';
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
    threads: flags.threads ? Number(flags.threads) : undefined,
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
