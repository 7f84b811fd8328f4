/** `millrace gpus [--json]`: which Python trains models, with which torch, on which GPUs. */
import { describeGpus, describeProbe } from '../../workers/python-finder.js';

export async function gpusCommand(options: { json?: boolean; python?: string }): Promise<number> {
  const report = await describeGpus({ projectPython: options.python });
  if (options.json) {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  const out: string[] = [];
  if (report.chosen) {
    const info = report.chosen.info!;
    out.push(`Training worker: PyTorch ${info.torchVersion} under ${report.chosen.path} (Python ${info.pythonVersion}, found via ${report.chosen.source})`);
    out.push(`CUDA: ${info.cudaAvailable ? `yes${info.cudaVersion ? ` (CUDA ${info.cudaVersion})` : ''}` : 'no — models train on the CPU'}`);
  } else {
    out.push('Training worker: built-in (no Python with PyTorch and numpy found): linear and logistic models only.');
    out.push('To train mlp models or use a GPU: set MILLRACE_PYTHON=/path/to/python with torch and numpy installed.');
  }
  if (report.gpus.length === 0) {
    out.push('GPUs: none found.');
  } else {
    out.push('GPUs:');
    for (const gpu of report.gpus) {
      const memory = `${(gpu.memoryMb / 1024).toFixed(1)} GiB`;
      const extra = [gpu.capability ? `compute ${gpu.capability}` : '', gpu.driverVersion ? `driver ${gpu.driverVersion}` : ''].filter(Boolean).join(', ');
      out.push(`  cuda:${gpu.index}  ${gpu.name}  ${memory}${extra ? `  (${extra})` : ''}`);
    }
  }
  out.push('Pythons probed, in order:');
  for (const probe of report.candidates) out.push(`  ${probe === report.chosen ? '→' : ' '} ${describeProbe(probe)}`);
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
