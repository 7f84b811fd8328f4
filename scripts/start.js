#!/usr/bin/env node
// `npm start`: the desktop app, or — where no Electron binary could be obtained (offline machines) —
// the same UI in the browser through `millrace serve`, after one line saying so. Signals are passed
// to the child and its exit code becomes ours. Never `require('electron')`: it downloads.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.js';
import { planStart } from './start-plan.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const electron = findElectronBinary({ env: process.env, root, exists: existsSync, readFile: (file) => readFileSync(file, 'utf8') });
const plan = planStart({
  args: process.argv.slice(2),
  // npm runs scripts in the package folder; INIT_CWD is where the user typed `npm start`.
  cwd: process.env.INIT_CWD ?? process.cwd(),
  root,
  electron,
  node: process.execPath,
  exists: existsSync,
  isDirectory: (file) => statSync(file).isDirectory(),
});

if (plan.kind === 'fail') {
  process.stderr.write(`${plan.message}\n`);
  process.exit(1);
}
if (plan.notice) process.stderr.write(`${plan.notice}\n`);

const child = spawn(plan.command, plan.args, { cwd: plan.cwd, stdio: 'inherit' });
const forwarded = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const forward = (signal) => {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
};
for (const signal of forwarded) process.on(signal, forward);

child.on('error', (error) => {
  process.stderr.write(`millrace: could not start ${plan.command}: ${error.message}\n`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (code !== null) process.exit(code);
  // Killed by a signal: end the same way, so whoever started us sees it.
  for (const s of forwarded) process.off(s, forward);
  process.kill(process.pid, signal ?? 'SIGTERM');
  setTimeout(() => process.exit(128 + (constants.signals[signal] ?? 15)), 100);
});
