#!/usr/bin/env node
/**
 * The packaging check that runs offline (`npm run package:check`; also run by
 * scripts/package-check.test.ts in `npm test`). It packs the built app with the real
 * electron-builder.yml — `electron-builder --dir --linux` — into a temp folder, with a stand-in for the
 * Electron folder (the Electron binary cannot be downloaded here), then reads the produced app.asar and
 * asserts what a working desktop app needs and what must stay out (renderer libraries, sources, tests);
 * finally it starts the engine server from the package's own files and asks its API.
 *
 * Native modules are NOT rebuilt for Electron's ABI here (-c.npmRebuild=false): that needs Electron's
 * headers from the internet and, offline, "succeeds" against Node's ABI (RECIPES "Electron here"). The
 * release build does it (npmRebuild: true in electron-builder.yml). So this checks layout, not ABI.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import asar from '@electron/asar';
import { parse as parseYaml } from 'yaml';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Built files the package cannot start without (`npm run build`, which compiles electron/ too). */
export const REQUIRED_APP_FILES = [
  'dist/electron/main.js',
  'dist/electron/preload.cjs',
  'dist/electron/engine-host.js',
  'dist/engine/server/start-server.js',
  'dist/nodes/ml/worker/builtin-worker.js',
  'dist/renderer/index.html',
];

/** Bundled into dist/renderer by Vite: a copy in the asar's node_modules is dead weight (and a sign they moved to dependencies). */
export const RENDERER_LIBRARIES = [
  'react', 'react-dom', 'scheduler', 'monaco-editor', '@monaco-editor/react', '@monaco-editor/loader', '@xyflow/react',
  '@xyflow/system', 'zustand', '@tanstack/react-virtual', '@dagrejs/dagre', 'vite', '@vitejs/plugin-react',
];

/** Top-level entries allowed in the asar: the compiled app, its runtime modules, the worker scripts. */
const APP_TOP_LEVEL = new Set(['package.json', 'dist', 'node_modules', 'nodes']);

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const MB = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The build outputs packaging needs that are missing from `projectDir`. */
export function missingBuildOutputs(projectDir = repoRoot) {
  return REQUIRED_APP_FILES.filter((file) => !existsSync(path.join(projectDir, file)));
}

/**
 * A folder electron-builder accepts as `electronDist` for Linux (found by trying): it copies the folder
 * into the output and renames `electron` to the app's executable; `resources/` receives app.asar.
 * `version` is what a real Electron folder holds; the executable only says it is a stand-in.
 */
export function makeElectronStandIn(dir, electronVersion) {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  writeFileSync(path.join(dir, 'electron'), '#!/bin/sh\necho "Electron stand-in for the packaging check: not runnable" >&2\nexit 1\n', { mode: 0o755 });
  writeFileSync(path.join(dir, 'version'), electronVersion);
  return dir;
}

/** Runs electron-builder on `projectDir` into `outputDir`; resolves the app folder it produced. */
export function runElectronBuilder({ projectDir, electronDist, outputDir }) {
  const cli = path.join(projectDir, 'node_modules', 'electron-builder', 'cli.js');
  const args = [cli, '--dir', '--linux', `-c.electronDist=${electronDist}`, `-c.directories.output=${outputDir}`, '-c.npmRebuild=false', '--publish', 'never'];
  const result = spawnSync(process.execPath, args, {
    cwd: projectDir,
    encoding: 'utf8',
    timeout: 300_000,
    // No code signing lookups, no colour codes in the log we may print.
    env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false', FORCE_COLOR: '0' },
  });
  const log = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const appDir = existsSync(outputDir) ? readdirSync(outputDir).find((name) => /^linux(-[\w]+)?-unpacked$/.test(name)) : undefined;
  if (result.status !== 0 || appDir === undefined) {
    return { ok: false, log, error: result.error?.message ?? `electron-builder exited with ${result.status ?? result.signal}` };
  }
  return { ok: true, log, appOutDir: path.join(outputDir, appDir) };
}

/** Every file in an asar, by path without a leading slash: its size and whether it lies in app.asar.unpacked. */
export function readAsarEntries(file) {
  const entries = new Map();
  const walk = (node, prefix) => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const entryPath = prefix === '' ? name : `${prefix}/${name}`;
      if ('files' in child) walk(child, entryPath);
      else entries.set(entryPath, { size: 'size' in child ? Number(child.size) : 0, unpacked: child.unpacked === true });
    }
  };
  walk(asar.getRawHeader(file).header, '');
  return entries;
}

/** Total size of the files below `dir` (0 when absent). */
function folderBytes(dir) {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** Width and height from a PNG's IHDR chunk; undefined when the file is no PNG. */
export function pngSize(file) {
  const bytes = readFileSync(file);
  if (bytes.length < 24 || bytes.toString('latin1', 1, 4) !== 'PNG' || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The icons electron-builder converts (macOS needs at least 512 px; Linux takes build/icons/<n>x<n>.png). */
export function iconProblems(projectDir = repoRoot) {
  const problems = [];
  for (const [file, size] of [['build/icon.png', 512], ['build/icons/512x512.png', 512], ['build/icons/256x256.png', 256]]) {
    const full = path.join(projectDir, file);
    const found = existsSync(full) ? pngSize(full) : undefined;
    if (found === undefined) problems.push(`${file} is missing or not a PNG (regenerate: node build/make-icons.mjs)`);
    else if (found.width !== size || found.height !== size) problems.push(`${file} is ${found.width}x${found.height}, expected ${size}x${size}`);
  }
  return problems;
}

/**
 * Metadata the installers need that `--dir` does not ask for: the deb target refuses to build without
 * a homepage (package.json, or extraMetadata in electron-builder.yml), only once it is too late to fix.
 */
export function metadataProblems(projectDir = repoRoot) {
  const own = readJson(path.join(projectDir, 'package.json'));
  const config = parseYaml(readFileSync(path.join(projectDir, 'electron-builder.yml'), 'utf8')) ?? {};
  const homepage = config.extraMetadata?.homepage ?? own.homepage ?? own.repository;
  return homepage ? [] : ['package.json has no "homepage": electron-builder\'s deb target refuses to build without one'];
}

/** What is wrong with the packaged app in `appOutDir` (empty when nothing), with the sizes to report. */
export function inspectPackage({ projectDir = repoRoot, appOutDir }) {
  const problems = [];
  const resources = path.join(appOutDir, 'resources');
  const asarFile = path.join(resources, 'app.asar');
  const unpackedDir = path.join(resources, 'app.asar.unpacked');
  if (!existsSync(asarFile)) return { problems: [`no app.asar in ${resources}`], asarBytes: 0, unpackedBytes: 0, fileCount: 0 };
  const entries = readAsarEntries(asarFile);
  const packed = (file) => entries.has(file);
  const onDisk = (file) => existsSync(path.join(unpackedDir, file));

  // The entry points: package.json's main, the preload, the engine host and server, the UI.
  const manifest = packed('package.json') ? JSON.parse(asar.extractFile(asarFile, 'package.json').toString('utf8')) : undefined;
  if (manifest === undefined) problems.push('package.json is missing from app.asar');
  else if (manifest.main !== 'dist/electron/main.js') problems.push(`package.json "main" is ${JSON.stringify(manifest.main)}, expected "dist/electron/main.js"`);
  for (const file of REQUIRED_APP_FILES) if (!packed(file)) problems.push(`${file} is missing from app.asar`);

  // The production dependencies are packed; the renderer's libraries and every devDependency are not.
  const own = readJson(path.join(projectDir, 'package.json'));
  for (const name of Object.keys(own.dependencies ?? {})) {
    if (!packed(`node_modules/${name}/package.json`)) problems.push(`runtime dependency ${name} is missing from app.asar's node_modules`);
  }
  const unwanted = new Set([...RENDERER_LIBRARIES, ...Object.keys(own.devDependencies ?? {})]);
  const strays = new Set();
  for (const file of entries.keys()) {
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(file);
    if (match && unwanted.has(match[1])) strays.add(match[1]);
  }
  for (const name of strays) problems.push(`${name} is in app.asar's node_modules: renderer and build libraries belong in devDependencies`);

  // Nothing but the compiled app: no sources, tests, e2e, examples or source maps.
  const foreign = new Set();
  for (const file of entries.keys()) {
    const top = file.split('/')[0];
    if (!APP_TOP_LEVEL.has(top)) foreign.add(top);
    else if (top !== 'node_modules' && /\.(ts|tsx|map)$|\.test\.js$/.test(file)) foreign.add(file);
  }
  for (const file of entries.keys()) if (file.startsWith('nodes/') && !/^nodes\/ml\/worker\/[^/]+\.py$/.test(file)) foreign.add(file);
  if (foreign.size > 0) problems.push(`files that do not belong in app.asar: ${[...foreign].slice(0, 10).join(', ')}${foreign.size > 10 ? ', …' : ''}`);

  // Native code is loaded from app.asar.unpacked: every .node (and DuckDB's shared library) must be there.
  for (const [file, entry] of entries) {
    if (/\.node$|^node_modules\/@duckdb\/node-bindings-[^/]+\/[^/]+\.(so|dylib|dll)$/.test(file) && !(entry.unpacked && onDisk(file))) {
      problems.push(`${file} is inside app.asar: native code must be unpacked (asarUnpack)`);
    }
  }
  const duckdb = [...entries.keys()].filter((file) => /^node_modules\/@duckdb\/node-bindings-[^/]+\/duckdb\.node$/.test(file));
  if (duckdb.length === 0) problems.push('DuckDB bindings (node_modules/@duckdb/node-bindings-<platform>/duckdb.node) are missing');
  if (!packed('node_modules/better-sqlite3/build/Release/better_sqlite3.node')) problems.push('better-sqlite3 (build/Release/better_sqlite3.node) is missing');

  // The PyTorch worker scripts: real files Python can read, where nodes/ml/worker/launch.ts looks.
  const scripts = readdirSync(path.join(projectDir, 'nodes/ml/worker')).filter((name) => name.endsWith('.py'));
  for (const name of scripts) {
    const file = `nodes/ml/worker/${name}`;
    if (!(entries.get(file)?.unpacked && onDisk(file))) problems.push(`worker script ${file} is not in app.asar.unpacked (Python cannot read inside app.asar)`);
  }

  // The examples as plain files in resources/examples (main copies them to the user's data folder).
  const examplesDir = path.join(projectDir, 'examples');
  const expected = [
    ...readdirSync(examplesDir).filter((name) => name.endsWith('.yaml')),
    ...readdirSync(path.join(examplesDir, 'data')).map((name) => `data/${name}`),
  ];
  for (const file of expected) if (!existsSync(path.join(resources, 'examples', file))) problems.push(`examples/${file} is missing from resources/examples`);
  for (const stray of ['out', '.millrace']) {
    if (existsSync(path.join(resources, 'examples', stray))) problems.push(`resources/examples/${stray} is packed: run outputs and engine state stay out`);
  }

  if (!existsSync(path.join(appOutDir, 'millrace'))) problems.push(`no "millrace" executable in ${appOutDir} (linux.executableName)`);

  const fileCount = [...entries.values()].filter((entry) => !entry.unpacked).length;
  return { problems, asarBytes: statSync(asarFile).size, unpackedBytes: folderBytes(unpackedDir), examplesBytes: folderBytes(path.join(resources, 'examples')), fileCount };
}

/** Run from the extracted package by smokeStartEngine: serve the examples, ask the API, close. */
const SMOKE_SCRIPT = `
const [root] = process.argv.slice(1);
const { startServer } = await import('./dist/engine/server/start-server.js');
const server = await startServer({ root, staticDir: 'dist/renderer' });
try {
  const get = async (path) => {
    const response = await fetch(new URL(path, server.url), { headers: { 'x-millrace-token': server.token } });
    if (!response.ok) throw new Error(\`GET \${path} answered \${response.status}: \${await response.text()}\`);
    return response.text();
  };
  const page = await get('/');
  const pipelines = await get('/api/pipelines');
  await get('/api/runs');
  await get('/api/node-types');
  if (!page.includes('<script')) throw new Error('the UI page has no script');
  if (!pipelines.includes('penguins.yaml')) throw new Error('the example pipelines are not listed: ' + pipelines.slice(0, 200));
  console.log('engine served the examples from the package');
} finally {
  await server.close();
}
`;

/**
 * Starts the engine server from the package's own files — app.asar extracted, with its node_modules and
 * the unpacked native modules — on a copy of the packed examples, and asks its API. Node stands in for
 * Electron's utility process (same module resolution); this catches a runtime dependency that is only
 * installed for development. Returns the problem, or undefined.
 */
export function smokeStartEngine({ appOutDir, workDir }) {
  const resources = path.join(appOutDir, 'resources');
  const appDir = path.join(workDir, 'extracted-app');
  const workspace = path.join(workDir, 'workspace');
  asar.extractAll(path.join(resources, 'app.asar'), appDir);
  cpSync(path.join(resources, 'examples'), workspace, { recursive: true });
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', SMOKE_SCRIPT, workspace], { cwd: appDir, encoding: 'utf8', timeout: 120_000 });
  if (result.status === 0) return undefined;
  // The error without its stack: "Cannot find package 'x' imported from …" says it all.
  const lines = `${result.stderr ?? ''}${result.stdout ?? ''}`.trim().split('\n').filter((line) => !/^\s+at /.test(line));
  const output = lines.slice(-8).join('\n');
  return `the packed engine did not start from the package's own files (${result.error?.message ?? `exit ${result.status ?? result.signal}`}):\n${output}`;
}

/** The whole check: build outputs present, electron-builder packs, the package holds what it must. */
export function checkPackage({ projectDir = repoRoot, keep = false } = {}) {
  const started = Date.now();
  const seconds = () => Number(((Date.now() - started) / 1000).toFixed(1));
  const missing = missingBuildOutputs(projectDir);
  if (missing.length > 0) {
    return { ok: false, seconds: seconds(), problems: [`not built yet: ${missing.join(', ')}. Run \`npm run build\` first.`] };
  }
  const early = [...iconProblems(projectDir), ...metadataProblems(projectDir)];
  const work = mkdtempSync(path.join(os.tmpdir(), 'millrace-package-check-'));
  const kept = keep ? { workDir: work } : {};
  try {
    const electronVersion = readJson(path.join(projectDir, 'node_modules/electron/package.json')).version;
    const electronDist = makeElectronStandIn(path.join(work, 'electron-dist'), electronVersion);
    const built = runElectronBuilder({ projectDir, electronDist, outputDir: path.join(work, 'out') });
    if (!built.ok) {
      return { ...kept, ok: false, seconds: seconds(), problems: [...early, `electron-builder failed (${built.error}):\n${built.log.split('\n').slice(-25).join('\n')}`] };
    }
    const report = inspectPackage({ projectDir, appOutDir: built.appOutDir });
    // Only a package that looks right is worth starting.
    const smoke = report.problems.length === 0 ? smokeStartEngine({ appOutDir: built.appOutDir, workDir: work }) : undefined;
    const problems = [...early, ...report.problems, ...(smoke ? [smoke] : [])];
    return { ...report, ...kept, problems, ok: problems.length === 0, seconds: seconds(), appOutDir: built.appOutDir };
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const keep = process.argv.includes('--keep');
  const result = checkPackage({ keep });
  if (!result.ok) {
    console.error(`package check FAILED (${result.seconds} s):`);
    for (const problem of result.problems) console.error(`  - ${problem}`);
    if (result.workDir) console.error(`kept in ${result.workDir}`);
    process.exit(1);
  }
  console.log(
    `package check OK in ${result.seconds} s: app.asar ${MB(result.asarBytes)} (${result.fileCount} files), ` +
      `app.asar.unpacked ${MB(result.unpackedBytes)} (native modules, worker scripts), examples ${MB(result.examplesBytes)}` +
      `; the packed engine started and served the examples${result.workDir ? `; kept in ${result.appOutDir}` : ''}. ` +
      "Native modules not rebuilt for Electron's ABI (offline).",
  );
}
