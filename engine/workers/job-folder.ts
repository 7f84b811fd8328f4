/**
 * Writes a job folder: one `.npy` per data set for the features (rows × features, C order) and
 * one for the target, plus manifest.json. The data arrives as column-major chunks (one
 * Float32Array per column, as DuckDB hands out typed-array chunks) and is interleaved into rows
 * on the way to disk, so no whole table is held in memory.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NpyWriter } from './npy.js';
import {
  JOB_MANIFEST_FORMAT,
  jobManifestSchema,
  type DatasetEntry,
  type JobManifest,
  type LabelValue,
  type MlTask,
} from './manifest.js';

/** Some rows of a data set: one array per feature (in the job's feature order), all the same length. */
export interface TableChunk {
  features: readonly Float32Array[];
  /** Required when the job has a target. */
  target?: Float32Array;
}

export type ChunkSource = AsyncIterable<TableChunk> | Iterable<TableChunk>;

/** A data set streamed in chunks; `rows` is the total, needed up front for the `.npy` header. */
export interface ChunkedDataset {
  rows: number;
  chunks: ChunkSource;
}

export interface FeatureColumn {
  name: string;
  values: Float32Array;
}

/** A data set held in memory as whole columns. */
export interface ColumnDataset {
  columns: readonly FeatureColumn[];
  target?: Float32Array;
}

export interface JobFolderSpec {
  task: MlTask | null;
  features: readonly string[];
  target?: string | null;
  /** Classification: labels of the class indices in the target. */
  classes?: readonly LabelValue[] | null;
  /** `train` and optional `valid` for a train job; `input` for a predict job. */
  datasets: Record<string, ColumnDataset | ChunkedDataset>;
}

function toChunked(name: string, features: readonly string[], data: ColumnDataset | ChunkedDataset): ChunkedDataset {
  if ('chunks' in data) return data;
  const names = data.columns.map((c) => c.name);
  if (names.join('\u0000') !== features.join('\u0000')) {
    throw new Error(`Data set "${name}" has columns ${names.join(', ')}; the job's features are ${features.join(', ')} (same order).`);
  }
  const rows = data.columns[0]?.values.length ?? data.target?.length ?? 0;
  const chunk: TableChunk = { features: data.columns.map((c) => c.values) };
  if (data.target !== undefined) chunk.target = data.target;
  return { rows, chunks: [chunk] };
}

/** Column-major chunk → row-major values for the C-order `.npy`. */
export function interleave(columns: readonly Float32Array[], rows: number): Float32Array {
  const cols = columns.length;
  const out = new Float32Array(rows * cols);
  for (let c = 0; c < cols; c++) {
    const column = columns[c] as Float32Array;
    for (let r = 0, o = c; r < rows; r++, o += cols) out[o] = column[r] as number;
  }
  return out;
}

async function writeDataset(
  dir: string,
  name: string,
  spec: JobFolderSpec,
  data: ChunkedDataset,
  hasTarget: boolean,
): Promise<DatasetEntry> {
  const cols = spec.features.length;
  const featureFile = `${name}_features.npy`;
  const targetFile = `${name}_target.npy`;
  const features = await NpyWriter.create(join(dir, featureFile), [data.rows, cols]);
  const target = hasTarget ? await NpyWriter.create(join(dir, targetFile), [data.rows]) : null;
  // One chunk's write is in flight while the next chunk is fetched, so DuckDB and the disk overlap.
  let writing: Promise<void> = Promise.resolve();
  try {
    for await (const chunk of data.chunks) {
      const rows = chunk.features[0]?.length ?? 0;
      if (chunk.features.length !== cols) {
        throw new Error(`A chunk of "${name}" has ${chunk.features.length} feature columns; expected ${cols}.`);
      }
      if (chunk.features.some((f) => f.length !== rows)) throw new Error(`A chunk of "${name}" has columns of different lengths.`);
      if (target !== null && chunk.target?.length !== rows) {
        throw new Error(`A chunk of "${name}" has ${chunk.target?.length ?? 'no'} target values for ${rows} rows.`);
      }
      const values = interleave(chunk.features, rows);
      await writing;
      writing = features.write(values).then(() => (target !== null && chunk.target ? target.write(chunk.target) : undefined));
      // Its failure is rethrown by the next `await writing`; until then it is not an unhandled rejection.
      writing.catch(() => undefined);
    }
    await writing;
  } catch (error) {
    await writing.catch(() => undefined);
    await features.abandon();
    await target?.abandon();
    throw error;
  }
  if (features.rowsWritten !== data.rows && cols > 0) {
    await target?.abandon();
    await features.abandon();
    throw new Error(`Data set "${name}" promised ${data.rows} rows but its chunks held ${features.rowsWritten}.`);
  }
  await features.close();
  await target?.close();
  return {
    rows: data.rows,
    features: { file: featureFile, shape: [data.rows, cols], dtype: 'float32' },
    target: hasTarget ? { file: targetFile, shape: [data.rows], dtype: 'float32' } : null,
  };
}

/**
 * Writes the data sets and then manifest.json (last, via a rename, so a folder with a manifest is
 * complete). Returns the manifest.
 */
export async function writeJobFolder(dir: string, spec: JobFolderSpec): Promise<JobManifest> {
  if (spec.features.length === 0) throw new Error('A training job needs at least one feature column.');
  if (new Set(spec.features).size !== spec.features.length) throw new Error('Feature column names must be unique.');
  const target = spec.target ?? null;
  if (spec.task !== null && target === null) throw new Error(`A ${spec.task} job needs a target column.`);
  const classes = spec.classes ?? null;
  if (spec.task === 'classification' && (classes === null || classes.length < 2)) {
    throw new Error('A classification job needs the label classes (at least two).');
  }
  await mkdir(dir, { recursive: true });
  const datasets: Record<string, DatasetEntry> = {};
  for (const [name, data] of Object.entries(spec.datasets)) {
    if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`Data set name "${name}" must be letters, digits, _ or -.`);
    datasets[name] = await writeDataset(dir, name, spec, toChunked(name, spec.features, data), target !== null);
  }
  const manifest: JobManifest = jobManifestSchema.parse({
    format: JOB_MANIFEST_FORMAT,
    version: 1,
    task: spec.task,
    dtype: 'float32',
    features: [...spec.features],
    target,
    classes: classes === null ? null : [...classes],
    datasets,
  });
  const path = join(dir, 'manifest.json');
  await rm(path, { force: true });
  await writeFile(`${path}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(`${path}.tmp`, path);
  return manifest;
}

/**
 * Encodes a categorical target as class indices (classes sorted, so the encoding is stable).
 * Throws on missing labels: a row without a label cannot train a classifier.
 */
export function encodeLabels(values: readonly (LabelValue | null)[]): { classes: LabelValue[]; indices: Float32Array } {
  const distinct = new Map<string, LabelValue>();
  values.forEach((v, i) => {
    if (v === null) throw new Error(`The target is empty (NULL) in row ${i + 1}; drop or fill those rows first.`);
    distinct.set(`${typeof v}:${String(v)}`, v);
  });
  const classes = [...distinct.values()].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)),
  );
  const index = new Map(classes.map((c, i) => [`${typeof c}:${String(c)}`, i]));
  const indices = new Float32Array(values.length);
  values.forEach((v, i) => {
    indices[i] = index.get(`${typeof v}:${String(v)}`) ?? 0;
  });
  return { classes, indices };
}
