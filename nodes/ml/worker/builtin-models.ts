/**
 * The built-in worker's models: linear regression and logistic (softmax) regression trained with
 * mini-batch Adam on standardised features, in plain TypeScript. Softmax over all classes covers
 * the binary case too (two logits), matching the PyTorch worker's cross-entropy.
 */

export interface Scaler {
  mean: number[];
  std: number[];
}

export interface LinearState {
  classification: boolean;
  nFeatures: number;
  nOutputs: number;
  /** nOutputs × nFeatures, row-major, on standardised features. */
  weights: Float64Array;
  bias: Float64Array;
  scaler: Scaler;
  /** Regression: the target is standardised too, so one learning rate suits any target scale. */
  targetScaler: { mean: number; std: number } | null;
}

/** Row-major rows × cols data plus its target (class index or value). */
export interface Table {
  x: Float32Array;
  y: Float32Array;
  rows: number;
  cols: number;
}

export function fitScaler(table: Table): Scaler {
  const { x, rows, cols } = table;
  const mean = new Array<number>(cols).fill(0);
  const sq = new Array<number>(cols).fill(0);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) mean[c] = (mean[c] as number) + (x[r * cols + c] as number);
  for (let c = 0; c < cols; c++) mean[c] = (mean[c] as number) / Math.max(rows, 1);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) sq[c] = (sq[c] as number) + ((x[r * cols + c] as number) - (mean[c] as number)) ** 2;
  }
  // A constant column gets std 1: it then standardises to 0 instead of dividing by zero.
  const std = sq.map((s) => Math.sqrt(s / Math.max(rows, 1)) || 1);
  return { mean, std };
}

export function standardise(x: Float32Array, cols: number, scaler: Scaler): Float32Array {
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const c = i % cols;
    out[i] = ((x[i] as number) - (scaler.mean[c] as number)) / (scaler.std[c] as number);
  }
  return out;
}

/** Raw outputs for one standardised row: logits, or the (standardised) regression value. */
function outputsFor(state: LinearState, xs: Float32Array, row: number, z: Float64Array): void {
  const { nFeatures: f, nOutputs: k, weights, bias } = state;
  for (let o = 0; o < k; o++) {
    let sum = bias[o] as number;
    for (let j = 0; j < f; j++) sum += (weights[o * f + j] as number) * (xs[row * f + j] as number);
    z[o] = sum;
  }
}

function softmaxInPlace(z: Float64Array): void {
  let max = -Infinity;
  for (const v of z) max = Math.max(max, v);
  let sum = 0;
  for (let o = 0; o < z.length; o++) {
    z[o] = Math.exp((z[o] as number) - max);
    sum += z[o] as number;
  }
  for (let o = 0; o < z.length; o++) z[o] = (z[o] as number) / sum;
}

export class Adam {
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private t = 0;
  constructor(
    size: number,
    private readonly lr: number,
    private readonly weightDecay: number,
  ) {
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }

  /** params and grads are the same length; offset lets weights and bias share one optimiser. */
  step(params: Float64Array, grads: Float64Array, offset: number, first: boolean): void {
    if (first) this.t += 1;
    const b1 = 0.9;
    const b2 = 0.999;
    const c1 = 1 - b1 ** this.t;
    const c2 = 1 - b2 ** this.t;
    for (let i = 0; i < params.length; i++) {
      const g = (grads[i] as number) + this.weightDecay * (params[i] as number);
      const m = b1 * (this.m[offset + i] as number) + (1 - b1) * g;
      const v = b2 * (this.v[offset + i] as number) + (1 - b2) * g * g;
      this.m[offset + i] = m;
      this.v[offset + i] = v;
      params[i] = (params[i] as number) - (this.lr * (m / c1)) / (Math.sqrt(v / c2) + 1e-8);
    }
  }
}

/**
 * One optimiser step on the rows `order[start..end)` (standardised x; y standardised for
 * regression). Returns the batch's summed loss in training units.
 */
export function trainBatch(
  state: LinearState,
  xs: Float32Array,
  y: Float32Array,
  order: Uint32Array,
  start: number,
  end: number,
  optimiser: Adam,
  gradW: Float64Array,
  gradB: Float64Array,
): number {
  const { nFeatures: f, nOutputs: k } = state;
  const z = new Float64Array(k);
  const n = end - start;
  gradW.fill(0);
  gradB.fill(0);
  let loss = 0;
  for (let i = start; i < end; i++) {
    const row = order[i] as number;
    outputsFor(state, xs, row, z);
    if (state.classification) {
      softmaxInPlace(z);
      const label = y[row] as number;
      loss -= Math.log(Math.max(z[label] as number, 1e-12));
      z[label] = (z[label] as number) - 1; // dLoss/dlogit = p - onehot
    } else {
      const err = (z[0] as number) - (y[row] as number);
      loss += err * err;
      z[0] = 2 * err;
    }
    for (let o = 0; o < k; o++) {
      const d = (z[o] as number) / n;
      gradB[o] = (gradB[o] as number) + d;
      for (let j = 0; j < f; j++) gradW[o * f + j] = (gradW[o * f + j] as number) + d * (xs[row * f + j] as number);
    }
  }
  optimiser.step(state.weights, gradW, 0, true);
  optimiser.step(state.bias, gradB, state.weights.length, false);
  return loss;
}

/** Predictions for standardised rows: class probabilities (rows × k) or values in target units. */
export function predictRows(state: LinearState, xs: Float32Array, rows: number): { values: Float32Array; probabilities: Float32Array | null } {
  const k = state.nOutputs;
  const z = new Float64Array(k);
  const values = new Float32Array(rows);
  const probabilities = state.classification ? new Float32Array(rows * k) : null;
  for (let r = 0; r < rows; r++) {
    outputsFor(state, xs, r, z);
    if (probabilities !== null) {
      softmaxInPlace(z);
      let best = 0;
      for (let o = 0; o < k; o++) {
        probabilities[r * k + o] = z[o] as number;
        if ((z[o] as number) > (z[best] as number)) best = o;
      }
      values[r] = best;
    } else {
      const t = state.targetScaler ?? { mean: 0, std: 1 };
      values[r] = (z[0] as number) * t.std + t.mean;
    }
  }
  return { values, probabilities };
}

/** Mean loss and metric (accuracy or RMSE in target units) over a standardised table. */
export function evaluate(state: LinearState, xs: Float32Array, yRaw: Float32Array, rows: number): { loss: number; metric: { name: string; value: number } } {
  const { values, probabilities } = predictRows(state, xs, rows);
  let loss = 0;
  let correct = 0;
  for (let r = 0; r < rows; r++) {
    if (probabilities !== null) {
      const label = yRaw[r] as number;
      loss -= Math.log(Math.max(probabilities[r * state.nOutputs + label] as number, 1e-12));
      if (values[r] === label) correct += 1;
    } else {
      loss += ((values[r] as number) - (yRaw[r] as number)) ** 2;
    }
  }
  const mean = loss / Math.max(rows, 1);
  return state.classification
    ? { loss: mean, metric: { name: 'accuracy', value: correct / Math.max(rows, 1) } }
    : { loss: mean, metric: { name: 'rmse', value: Math.sqrt(mean) } };
}

/** mulberry32: a small seeded generator, so a run is reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffleInPlace(order: Uint32Array, random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = order[i] as number;
    order[i] = order[j] as number;
    order[j] = tmp;
  }
}
