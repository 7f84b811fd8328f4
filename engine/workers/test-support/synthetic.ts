/** Deterministic synthetic tables for worker tests: Gaussian blobs and a noisy linear target. */

function gaussian(random: () => number): number {
  // Box–Muller on a seeded uniform source.
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticTable {
  columns: Float32Array[];
  target: Float32Array;
}

/** `classes` blobs in `features` dimensions, centres `spread` apart, unit noise; target = class index. */
export function blobs(rows: number, features: number, classes: number, seed: number, spread = 4): SyntheticTable {
  const random = seeded(seed);
  const centres = Array.from({ length: classes }, () => Array.from({ length: features }, () => (random() - 0.5) * 2 * spread));
  const columns = Array.from({ length: features }, () => new Float32Array(rows));
  const target = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    const k = r % classes;
    target[r] = k;
    for (let f = 0; f < features; f++) (columns[f] as Float32Array)[r] = (centres[k]?.[f] ?? 0) + gaussian(random);
  }
  return { columns, target };
}

/** y = Σ w_f x_f + 3 + noise, with features on different scales (as raw data is). */
export function linear(rows: number, features: number, seed: number, noise = 0.1): SyntheticTable & { weights: number[] } {
  const random = seeded(seed);
  const weights = Array.from({ length: features }, (_, f) => (f % 2 === 0 ? 1 : -1) * (1 + f));
  const columns = Array.from({ length: features }, () => new Float32Array(rows));
  const target = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let y = 3;
    for (let f = 0; f < features; f++) {
      const x = gaussian(random) * (1 + f);
      (columns[f] as Float32Array)[r] = x;
      y += (weights[f] as number) * x / (1 + f);
    }
    target[r] = y + noise * gaussian(random);
  }
  return { columns, target, weights };
}

export function accuracy(predicted: Float32Array, truth: Float32Array): number {
  let correct = 0;
  predicted.forEach((p, i) => (correct += p === truth[i] ? 1 : 0));
  return correct / truth.length;
}

export function rSquared(predicted: Float32Array, truth: Float32Array): number {
  const mean = truth.reduce((a, b) => a + b, 0) / truth.length;
  let residual = 0;
  let total = 0;
  truth.forEach((t, i) => {
    residual += (t - (predicted[i] as number)) ** 2;
    total += (t - mean) ** 2;
  });
  return 1 - residual / total;
}
