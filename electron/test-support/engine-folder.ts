/** A temporary folder to serve (a copy of examples/penguins.yaml and its data) and a stand-in UI folder. */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface EngineFolders {
  root: string;
  staticDir: string;
  remove(): void;
}

export function engineFolders(): EngineFolders {
  const root = mkdtempSync(path.join(os.tmpdir(), 'millrace-desktop-'));
  cpSync(path.join(repoRoot, 'examples/penguins.yaml'), path.join(root, 'penguins.yaml'));
  mkdirSync(path.join(root, 'data'));
  cpSync(path.join(repoRoot, 'examples/data/penguins.json'), path.join(root, 'data/penguins.json'));
  const staticDir = mkdtempSync(path.join(os.tmpdir(), 'millrace-desktop-ui-'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Millrace UI</title>');
  return {
    root,
    staticDir,
    remove: () => {
      rmSync(root, { recursive: true, force: true });
      rmSync(staticDir, { recursive: true, force: true });
    },
  };
}
