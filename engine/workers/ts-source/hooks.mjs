// Module hooks for register.mjs: `.js` imports fall back to the `.ts` file beside them, and `.ts`
// files are transpiled (types stripped, no type check) with the project's own TypeScript. Output is
// cached by path, size and mtime, so a worker spawned again does not load TypeScript at all.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import process from 'node:process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cacheDir = join(tmpdir(), 'millrace-ts-source-cache');
let typescript;

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const relative = specifier.startsWith('.') || specifier.startsWith('file:');
    if (relative && specifier.endsWith('.js')) return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
    throw error;
  }
}

async function transpile(path, url) {
  const info = await stat(path);
  const key = createHash('sha1').update(`${path}\0${info.size}\0${info.mtimeMs}`).digest('hex');
  const cached = join(cacheDir, `${key}.js`);
  try {
    return await readFile(cached, 'utf8');
  } catch {
    // not cached yet
  }
  typescript ??= (await import('typescript')).default;
  const output = typescript.transpileModule(await readFile(path, 'utf8'), {
    fileName: url,
    compilerOptions: { module: typescript.ModuleKind.ESNext, target: typescript.ScriptTarget.ES2023, inlineSourceMap: true },
  }).outputText;
  await mkdir(cacheDir, { recursive: true });
  await writeFile(`${cached}.${process.pid}`, output);
  await rename(`${cached}.${process.pid}`, cached); // atomic: parallel test workers may race here
  return output;
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.ts')) return nextLoad(url, context);
  return { format: 'module', source: await transpile(fileURLToPath(url), url), shortCircuit: true };
}
