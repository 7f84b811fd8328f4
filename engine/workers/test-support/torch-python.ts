/**
 * The Python with PyTorch that worker tests run, found the way Millrace finds it. Without one the
 * torch tests are skipped locally but FAIL when the CI variable is set: CI installs python3-torch,
 * so a missing torch there is a broken setup, not a reason to pass.
 */
import { describe, it } from 'vitest';
import { describeProbe, findTorchPython } from '../python-finder.js';

const choice = await findTorchPython();
export const torchPython: string | null = choice.chosen?.path ?? null;
const why = `No Python with PyTorch found. Probed: ${choice.probes.map(describeProbe).join('; ') || 'nothing'}.`;

/** A describe block that gets the torch Python, or is skipped (locally) / fails (CI) without one. */
export function describeWithTorch(name: string, body: (python: string) => void): void {
  if (torchPython !== null) {
    const python = torchPython;
    describe(name, () => body(python));
  } else if (process.env.CI) {
    describe(name, () => it('needs Python with PyTorch (required when CI is set)', () => {
      throw new Error(why);
    }));
  } else {
    describe.skip(`${name} (${why})`, () => it('needs Python with PyTorch', () => undefined));
  }
}
