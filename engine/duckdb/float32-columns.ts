/**
 * Read the FLOAT columns of a DuckDB data chunk as Float32Arrays straight from the vectors' memory
 * (NULL → NaN). node-api's public reader converts one value at a time (getItem), which made the
 * `.npy` export for training workers several times slower than DuckDB writing the same to Parquet.
 */
import duckdb from '@duckdb/node-bindings';
import type { DuckDBDataChunk } from '@duckdb/node-api';

const ALL_VALID = 0xffffffff;

/** One Float32Array per column, copied out of the chunk (its memory is reused by the next fetch). */
export function float32Columns(chunk: DuckDBDataChunk): Float32Array[] {
  const rows = chunk.rowCount;
  const columns: Float32Array[] = [];
  for (let c = 0; c < chunk.columnCount; c++) {
    const vector = duckdb.data_chunk_get_vector(chunk.chunk, c);
    const bytes = duckdb.vector_get_data(vector, rows * Float32Array.BYTES_PER_ELEMENT);
    // Copy via bytes: the data view need not start on a 4-byte boundary of its buffer.
    const values = new Float32Array(rows);
    new Uint8Array(values.buffer).set(bytes.subarray(0, rows * Float32Array.BYTES_PER_ELEMENT));
    markMissing(values, validityOf(vector, rows));
    columns.push(values);
  }
  return columns;
}

/** The validity mask as 32-bit words (bit set = value present), or null when every value is present. */
function validityOf(vector: duckdb.Vector, rows: number): Uint32Array | null {
  const wordCount = Math.ceil(rows / 64) * 2;
  const mask = duckdb.vector_get_validity(vector, wordCount * 4) as Uint8Array | null;
  if (!mask) return null;
  const words = new Uint32Array(wordCount);
  new Uint8Array(words.buffer).set(mask.subarray(0, wordCount * 4));
  return words;
}

function markMissing(values: Float32Array, validity: Uint32Array | null): void {
  if (!validity) return;
  for (let w = 0; w < validity.length; w++) {
    const word = validity[w]!;
    if (word === ALL_VALID) continue;
    const first = w * 32;
    const last = Math.min(first + 32, values.length);
    for (let r = first; r < last; r++) if (((word >>> (r - first)) & 1) === 0) values[r] = Number.NaN;
  }
}
