/**
 * `.npy` v1.0 files of float32 in C order, the format workers memory-map (numpy.load with
 * mmap_mode='r', then torch.from_numpy without a copy). Written streaming: the header carries the
 * final shape, so the row count is fixed up front and every chunk is appended as it comes.
 */
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { endianness } from 'node:os';

/** [rows] for a vector (a target, predictions), [rows, cols] for a matrix (features, probabilities). */
export type NpyShape = readonly [number] | readonly [number, number];

const MAGIC = Uint8Array.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]); // \x93NUMPY
const FLOAT32 = endianness() === 'LE' ? '<f4' : '>f4';

function shapeText(shape: NpyShape): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape[0]}, ${shape[1]})`;
}

function elementCount(shape: NpyShape): number {
  return shape.length === 1 ? shape[0] : shape[0] * shape[1];
}

/** The bytes before the data: magic, version 1.0, header length, a Python dict padded to 64 bytes. */
export function npyHeader(shape: NpyShape): Uint8Array {
  for (const n of shape) {
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`Invalid .npy shape ${JSON.stringify(shape)}: sizes must be whole numbers ≥ 0.`);
  }
  const dict = `{'descr': '${FLOAT32}', 'fortran_order': False, 'shape': ${shapeText(shape)}, }`;
  const prefix = MAGIC.length + 2 + 2;
  // numpy wants the data to start on a 64-byte boundary; the header ends with a newline.
  const padded = Math.ceil((prefix + dict.length + 1) / 64) * 64;
  const text = dict + ' '.repeat(padded - prefix - dict.length - 1) + '\n';
  const bytes = new Uint8Array(padded);
  bytes.set(MAGIC, 0);
  bytes[6] = 1;
  bytes[7] = 0;
  new DataView(bytes.buffer).setUint16(8, text.length, true);
  bytes.set(new TextEncoder().encode(text), prefix);
  return bytes;
}

/** Appends float32 values (row-major) to a `.npy` file whose shape was declared when it was opened. */
export class NpyWriter {
  private written = 0;
  private readonly total: number;

  private constructor(
    private readonly handle: FileHandle,
    readonly path: string,
    readonly shape: NpyShape,
  ) {
    this.total = elementCount(shape);
  }

  static async create(path: string, shape: NpyShape): Promise<NpyWriter> {
    const header = npyHeader(shape);
    const handle = await open(path, 'w');
    try {
      await handle.write(header);
    } catch (error) {
      await handle.close();
      throw error;
    }
    return new NpyWriter(handle, path, shape);
  }

  /** Values written so far, counted in rows. */
  get rowsWritten(): number {
    const cols = this.shape.length === 1 ? 1 : this.shape[1];
    return cols === 0 ? 0 : Math.floor(this.written / cols);
  }

  async write(values: Float32Array): Promise<void> {
    if (this.written + values.length > this.total) {
      throw new Error(`${this.path}: more values than its declared shape ${shapeText(this.shape)} holds.`);
    }
    await this.handle.write(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
    this.written += values.length;
  }

  /** Closes the file; throws when fewer values were written than the shape promised. */
  async close(): Promise<void> {
    await this.handle.close();
    if (this.written !== this.total) {
      throw new Error(
        `${this.path}: wrote ${this.written} values but its header promises ${this.total} (shape ${shapeText(this.shape)}).`,
      );
    }
  }

  /** Closes without the completeness check (after a failure elsewhere). */
  async abandon(): Promise<void> {
    await this.handle.close();
  }
}

/** Writes a whole array in one go. */
export async function writeNpy(path: string, shape: NpyShape, values: Float32Array): Promise<void> {
  const writer = await NpyWriter.create(path, shape);
  try {
    await writer.write(values);
  } catch (error) {
    await writer.abandon();
    throw error;
  }
  await writer.close();
}

export interface NpyArray {
  shape: number[];
  data: Float32Array;
}

/** Reads a float32 C-order `.npy` file (what the workers write: predictions, probabilities). */
export async function readNpy(path: string): Promise<NpyArray> {
  const bytes = await readFile(path);
  if (bytes.length < 10 || !MAGIC.every((b, i) => bytes[i] === b)) throw new Error(`${path} is not a .npy file.`);
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = major === 1 ? 10 : 12;
  const header = bytes.subarray(start, start + headerLength).toString('latin1');
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeMatch = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr !== FLOAT32 && !(descr === '|f4')) throw new Error(`${path} holds ${descr ?? 'unknown'} values; expected float32 (${FLOAT32}).`);
  if (fortran !== 'False') throw new Error(`${path} is in Fortran order; expected C order.`);
  if (shapeMatch === undefined) throw new Error(`${path} has no shape in its header.`);
  const shape = shapeMatch
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  const dataStart = start + headerLength;
  if (bytes.length - dataStart < count * 4) throw new Error(`${path} is truncated: shape (${shape.join(', ')}) needs ${count * 4} bytes.`);
  // Copy into a fresh, aligned buffer: the file's data offset need not be a multiple of 4 in Node's pool.
  const data = new Float32Array(count);
  new Uint8Array(data.buffer).set(bytes.subarray(dataStart, dataStart + count * 4));
  return { shape, data };
}
