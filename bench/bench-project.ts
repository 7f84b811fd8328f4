/**
 * A project folder for one side of one case: bench/pipeline.yaml copied in, `data/` linked to the
 * generated dataset, and a cache (`.millrace/`) that each repetition can start afresh (cold cache).
 */
import { copyFileSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { createEngine, type Engine } from '../engine/engine.js';
import type { RunSummary } from '../engine/contract/events.js';
import type { ResolvedPipeline } from '../engine/pipeline/document.js';
import type { DuckDBSettings } from './duckdb-settings.js';
import { pipelineTemplate } from './paths.js';
import type { Dataset } from './synthetic-data.js';

export interface BenchProject {
  dir: string;
  pipelineFile: string;
  /** Where the pipeline's write_parquet sink writes. */
  outputFile: string;
  stateDir: string;
}

export function createBenchProject(workRoot: string, name: string, dataset: Dataset): BenchProject {
  const dir = path.join(workRoot, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  symlinkSync(dataset.dir, path.join(dir, 'data'), 'dir');
  const pipelineFile = path.join(dir, 'pipeline.yaml');
  copyFileSync(pipelineTemplate, pipelineFile);
  return { dir, pipelineFile, outputFile: path.join(dir, 'out', 'features.parquet'), stateDir: path.join(dir, '.millrace') };
}

/** Forget every cached output and run of the project: the next engine starts cold. */
export function clearState(project: BenchProject): void {
  rmSync(project.stateDir, { recursive: true, force: true });
  rmSync(path.dirname(project.outputFile), { recursive: true, force: true });
}

export interface OpenedPipeline {
  engine: Engine;
  pipeline: ResolvedPipeline;
}

/** An engine on the project (with the bench's DuckDB settings) and its loaded pipeline. */
export async function openPipeline(project: BenchProject, settings: DuckDBSettings): Promise<OpenedPipeline> {
  const engine = await createEngine({ projectDir: project.dir, stateDir: project.stateDir, threads: settings.threads, memoryLimit: settings.memoryLimit });
  const loaded = await engine.loadFile(project.pipelineFile);
  const errors = loaded.issues.filter((issue) => issue.severity === 'error');
  if (!loaded.pipeline || errors.length > 0) {
    await engine.dispose();
    throw new Error(`bench/pipeline.yaml does not load: ${errors.map((e) => e.message).join('; ')}`);
  }
  return { engine, pipeline: loaded.pipeline };
}

/** A cold engine on the project (state cleared first) for `use`, disposed after it. */
export async function withColdEngine<T>(project: BenchProject, settings: DuckDBSettings, use: (opened: OpenedPipeline) => Promise<T>): Promise<T> {
  clearState(project);
  const opened = await openPipeline(project, settings);
  try {
    return await use(opened);
  } finally {
    await opened.engine.dispose();
  }
}

/** Run the whole pipeline; a run that does not succeed is a crash of the case, with the engine's reason. */
export async function runToCompletion(engine: Engine, pipeline: ResolvedPipeline): Promise<RunSummary> {
  const summary = await engine.run(pipeline).result;
  if (summary.status !== 'succeeded') throw new Error(`The pipeline run ${summary.status}: ${summary.error ?? 'no error message'}`);
  return summary;
}
