import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeGpus, describeProbe, findTorchPython, probePython, pythonCandidates } from './python-finder.js';
import { tempDir } from './test-support/run-job.js';
import { describeWithTorch } from './test-support/torch-python.js';

/** A real Python that cannot see torch: the torch Python started with -S (no site-packages). */
async function torchlessPython(dir: string, torchPython: string, name = 'python3'): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, name);
  await writeFile(path, `#!/bin/sh\nexec ${torchPython} -S "$@"\n`);
  await chmod(path, 0o755);
  return path;
}

describeWithTorch('python finder', (torchPython) => {
  it('passes over a torch-less python3 first on PATH and picks the system Python with torch', async () => {
    const dir = await tempDir();
    const fake = await torchlessPython(join(dir, 'bin'), torchPython);
    const env = { PATH: `${join(dir, 'bin')}:/usr/bin:/bin` };
    const choice = await findTorchPython({ env });
    expect(choice.probes[0]).toMatchObject({ path: fake, source: 'PATH', error: null, info: { torchVersion: null } });
    expect(choice.probes[0]?.info?.torchError).toContain('torch');
    expect(choice.chosen).toMatchObject({ source: torchPython === '/usr/bin/python3' ? 'system' : 'PATH' });
    expect(choice.chosen?.info?.torchVersion).toMatch(/^\d+\.\d+/);
    const first = choice.probes[0];
    if (first === undefined) throw new Error('no probe');
    expect(describeProbe(first)).toBe(`${fake} (PATH): Python ${first.info?.pythonVersion}, no torch (ModuleNotFoundError: No module named 'torch'), no numpy, CUDA no`);
  });

  it('tries MILLRACE_PYTHON, the project setting, a virtualenv and conda in that order', async () => {
    const dir = await tempDir();
    const venv = join(dir, 'venv');
    await torchlessPython(join(venv, 'bin'), torchPython, 'python');
    const candidates = await pythonCandidates({
      env: { MILLRACE_PYTHON: join(dir, 'missing-python'), VIRTUAL_ENV: venv, CONDA_PREFIX: join(dir, 'conda'), PATH: '/usr/bin:/bin' },
      projectPython: torchPython,
    });
    expect(candidates.slice(0, 4).map((c) => c.source)).toEqual(['MILLRACE_PYTHON', 'project setting', 'virtualenv', 'conda']);
  });

  it('prefers MILLRACE_PYTHON, and reports a MILLRACE_PYTHON that does not run instead of hiding it', async () => {
    const dir = await tempDir();
    const fake = await torchlessPython(join(dir, 'bin'), torchPython);
    const chosen = await findTorchPython({ env: { MILLRACE_PYTHON: torchPython, PATH: `${join(dir, 'bin')}:/usr/bin` } });
    expect(chosen.chosen?.source).toBe('MILLRACE_PYTHON');
    expect(chosen.probes).toHaveLength(1);
    const broken = await findTorchPython({ env: { MILLRACE_PYTHON: join(dir, 'nope'), PATH: `${join(dir, 'bin')}:/usr/bin` } });
    expect(broken.probes[0]).toMatchObject({ source: 'MILLRACE_PYTHON', info: null });
    expect(broken.probes[0]?.error).toMatch(/ENOENT|not found|No such file/);
    expect(broken.probes[1]?.path).toBe(fake);
    expect(broken.chosen?.info?.torchVersion).not.toBeNull();
  });

  it('with the real environment, picks a Python with torch and passes over the ones before it for lacking it', async () => {
    // On a dev machine with pyenv first on PATH this is the torch-less pyenv python3 versus /usr/bin/python3.
    const choice = await findTorchPython();
    expect(choice.chosen?.info?.torchVersion).toMatch(/^\d+\.\d+/);
    for (const probe of choice.probes.slice(0, -1)) expect(probe.info?.torchVersion ?? null).toBeNull();
  });

  it('probes each Python once per process', () => {
    expect(probePython(torchPython)).toBe(probePython(torchPython));
  });

  it('describes the GPUs for `millrace gpus` as structured data', async () => {
    const report = await describeGpus({ env: { PATH: '/usr/bin:/bin', MILLRACE_PYTHON: torchPython } });
    expect(report.chosen?.path).toBe(torchPython);
    expect(report.cudaAvailable).toBe(report.chosen?.info?.cudaAvailable);
    for (const gpu of report.gpus) {
      expect(gpu).toEqual({ index: expect.any(Number), name: expect.any(String), memoryMb: expect.any(Number), capability: expect.anything(), driverVersion: expect.anything() });
    }
    if (!report.cudaAvailable) expect(report.chosen?.info?.gpus).toEqual([]);
  });
});

it('finds no candidates beyond what exists when nothing is configured', async () => {
  const candidates = await pythonCandidates({ env: { PATH: '/nonexistent' } });
  expect(candidates.every((c) => c.source === 'system')).toBe(true);
});
