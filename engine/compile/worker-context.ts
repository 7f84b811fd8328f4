/**
 * The context a worker node (train, predict, save_model) runs with: job folders, the `.npy`
 * export of its input tables, the worker launcher, and its model output folders. Node code sees
 * only these functions; processes, files and DuckDB stay behind them.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { TrainingProgress, WorkerContext, WorkerJobResult } from '../../nodes/node-definition.js';
import { NodeError } from '../../nodes/node-definition.js';
import { builtinWorkerCommand, torchWorkerCommand } from '../../nodes/ml/worker/launch.js';
import { ident, literalList } from '../sql/quote.js';
import { writeJobFolder, type ChunkedDataset, type TableChunk } from '../workers/job-folder.js';
import { readNpy } from '../workers/npy.js';
import { describeProbe, findTorchPython } from '../workers/python-finder.js';
import { PROTOCOL_VERSION, type JobMessageInput } from '../workers/protocol.js';
import { startWorker } from '../workers/worker-process.js';
import { modelInfoSchema } from '../workers/manifest.js';
import { createBuildContext, createSinkContext, type ContextOptions } from './node-context.js';

export interface WorkerContextOptions<P> extends ContextOptions<P> {
  /** Input model port → artifact folder. */
  modelInputs: Record<string, string>;
  /** Output model port → folder to write (the engine renames it into the cache when the node succeeds). */
  modelOutputs: Record<string, string>;
  /** Where job folders go; each node gets its own and it is removed afterwards. */
  jobsDir: string;
  /** The project's Python for the PyTorch worker, if configured. */
  python?: string;
  onProgress: (progress: TrainingProgress) => void;
  onModel: (model: { artifactDir: string; params: unknown; metrics: Record<string, number | null>; device: string }) => void;
}

export interface OwnedWorkerContext<P> extends WorkerContext<P> {
  /** Remove the job folders this context made. */
  cleanup(): Promise<void>;
}

const MISSING_TORCH_HINT =
  'Point Millrace at a Python with PyTorch: set MILLRACE_PYTHON=/path/to/python (e.g. a virtualenv with `pip install torch numpy`), then run again.';

export function createWorkerContext<P>(options: WorkerContextOptions<P>): OwnedWorkerContext<P> {
  const base = createBuildContext(options);
  const sinkFiles = createSinkContext(options);
  const { connection } = options;
  const jobDirs: string[] = [];
  let materialised = 0;

  async function datasetFrom(relation: string, spec: { features: string[]; target?: string; classes?: (string | number | boolean)[]; task: string | null }): Promise<ChunkedDataset> {
    const rows = Number((await connection.query(`SELECT count(*) AS n FROM ${relation}`)).rows[0]?.n ?? 0);
    const columns = spec.features.map((f) => `CAST(${ident(f)} AS FLOAT)`);
    if (spec.target !== undefined) {
      const target = ident(spec.target);
      const nulls = Number((await connection.query(`SELECT count(*) AS n FROM ${relation} WHERE ${target} IS NULL`)).rows[0]?.n ?? 0);
      if (nulls > 0) throw new NodeError(`The target column "${spec.target}" is empty (NULL) in ${nulls} row(s).`, 'Drop or fill those rows first (drop_missing).');
      columns.push(
        spec.task === 'classification' && spec.classes
          ? `CAST(list_position([${literalList(spec.classes)}], ${target}) - 1 AS FLOAT)`
          : `CAST(${target} AS FLOAT)`,
      );
    }
    const sql = `SELECT ${columns.join(', ')} FROM ${relation}`;
    const featureCount = spec.features.length;
    async function* chunks(): AsyncIterable<TableChunk> {
      for await (const block of connection.streamFloat32(sql)) {
        const chunk: TableChunk = { features: block.slice(0, featureCount) };
        if (spec.target !== undefined) chunk.target = block[featureCount];
        yield chunk;
      }
    }
    return { rows, chunks: chunks() };
  }

  return {
    ...base,
    modelInput(port) {
      const dir = options.modelInputs[port];
      if (dir === undefined) throw new NodeError(`Model input "${port}" is not connected.`);
      return dir;
    },
    modelOutputDir(port) {
      const dir = options.modelOutputs[port];
      if (dir === undefined) throw new NodeError(`This node has no model output "${port}".`);
      return dir;
    },
    async jobDir() {
      const dir = path.join(options.jobsDir, `${options.nodeId}-${randomBytes(4).toString('hex')}`);
      await mkdir(dir, { recursive: true });
      jobDirs.push(dir);
      return dir;
    },
    async exportDataset(jobDir, datasets, spec) {
      const built: Record<string, ChunkedDataset> = {};
      for (const [name, relation] of Object.entries(datasets)) built[name] = await datasetFrom(relation, spec);
      const manifest = await writeJobFolder(jobDir, {
        task: spec.task,
        features: spec.features,
        target: spec.target ?? null,
        classes: spec.classes ?? null,
        datasets: built,
      });
      return { rows: Object.fromEntries(Object.entries(manifest.datasets).map(([name, entry]) => [name, entry.rows])) };
    },
    async runWorker(job) {
      let command = builtinWorkerCommand();
      // MILLRACE_PYTHON=none, or the project setting `none`, forces the built-in worker. The variable
      // comes first, as in findTorchPython, so MILLRACE_PYTHON=/path/to/python overrides the setting.
      const fromEnv = process.env.MILLRACE_PYTHON?.trim() || undefined;
      const pythonDisabled = (fromEnv ?? options.python) === 'none';
      if (pythonDisabled && job.worker === 'torch') {
        const why = fromEnv === 'none' ? 'MILLRACE_PYTHON=none' : "the project's python setting is none";
        throw new NodeError(`This needs PyTorch, but Python is turned off (${why}).`, MISSING_TORCH_HINT);
      }
      if (job.worker !== 'builtin' && !pythonDisabled) {
        const choice = await findTorchPython({ projectPython: options.python === 'none' ? undefined : options.python });
        if (choice.chosen) {
          command = torchWorkerCommand(choice.chosen.path);
        } else if (job.worker === 'torch') {
          const tried = choice.probes.map((p) => `  ${describeProbe(p)}`).join('\n');
          throw new NodeError(`This needs PyTorch, and no Python with PyTorch was found. Tried:\n${tried}\n`, MISSING_TORCH_HINT);
        }
      }
      const message = {
        protocol: PROTOCOL_VERSION,
        job_id: `${options.nodeId}-${randomBytes(4).toString('hex')}`,
        type: 'job',
        task: job.task,
        job_dir: job.jobDir,
        output_dir: job.outputDir,
        params: job.params,
      } as JobMessageInput;
      const run = startWorker({
        command,
        job: message,
        signal: options.signal,
        onLog: (entry) => options.log(`[${command.label} worker] ${entry.message}`),
        onProgress: (p) =>
          options.onProgress({
            epoch: p.epoch,
            epochs: p.epochs,
            loss: p.loss,
            valLoss: p.val_loss,
            valMetric: p.val_metric,
            samplesPerSecond: p.samples_per_s,
            device: p.device,
          }),
      });
      const result = await run.result;
      return { metrics: result.metrics, artifacts: result.artifacts, device: result.device, history: result.history } satisfies WorkerJobResult;
    },
    async modelInfo(port) {
      const dir = options.modelInputs[port];
      if (dir === undefined) throw new NodeError(`Model input "${port}" is not connected.`);
      const info = modelInfoSchema.parse(JSON.parse(await readFile(path.join(dir, 'model.json'), 'utf8')));
      return {
        worker: info.worker,
        task: info.task,
        model: info.model,
        features: info.features,
        target: info.target,
        classes: info.classes,
        metrics: info.metrics,
        device: info.device,
      };
    },
    writeFileAtomically: sinkFiles.writeFileAtomically,
    async materialise(selectSql) {
      const table = ident(`${options.stagingPrefix}_m${materialised++}`);
      await connection.execute(`CREATE OR REPLACE TEMP TABLE ${table} AS ${selectSql}`);
      return table;
    },
    async stageNpy(files) {
      const arrays = await Promise.all(files.map(async (f) => ({ ...f, array: await readNpy(f.path) })));
      const rows = arrays[0]?.array.shape[0] ?? 0;
      for (const a of arrays) {
        const width = a.array.shape[1] ?? 1;
        if (a.array.shape[0] !== rows || width !== a.columns.length) {
          throw new Error(`The worker wrote ${a.path} with shape ${a.array.shape.join('×')}; expected ${rows}×${a.columns.length}.`);
        }
      }
      const columns = [{ name: "__row", type: "BIGINT" }, ...arrays.flatMap((a) => a.columns.map((name) => ({ name, type: 'DOUBLE' })))];
      function* values(): Iterable<unknown[]> {
        for (let r = 0; r < rows; r++) {
          const row: unknown[] = [r];
          for (const a of arrays) {
            const width = a.columns.length;
            for (let c = 0; c < width; c++) {
              const v = a.array.data[r * width + c]!;
              row.push(Number.isNaN(v) ? null : v);
            }
          }
          yield row;
        }
      }
      return base.stageTable(columns, values());
    },
    registerModel: (model) => options.onModel(model),
    async cleanup() {
      await Promise.all(jobDirs.map((dir) => rm(dir, { recursive: true, force: true })));
    },
  };
}

/** `SELECT` that numbers a relation's rows (0-based) so worker outputs can be joined back in order. */
export function numberedRows(relation: string): string {
  return `SELECT row_number() OVER () - 1 AS ${ident('__row')}, * FROM ${relation}`;
}

