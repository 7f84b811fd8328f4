/**
 * Synthetic pipelines for the canvas benchmark: one CSV source and N − 1 cheap transforms, laid
 * out on a grid (positions in the file's `layout`, so the canvas never auto-lays them out).
 *
 * Shape: column 0 is a chain of filters going down from the source; each row branches off its
 * column-0 node and runs right as filter → derive → select (the select drops what the derive
 * added), so every node validates and the graph has both long chains and branches.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Grid pitch in flow coordinates: cards are 200 wide and ~80–100 tall. */
export const COLUMN_PITCH = 260;
export const ROW_PITCH = 140;
const DATA_FILE = 'data/seattle-weather.csv';

/** A grid about 1.6 times wider than tall, like a screen. */
export function gridColumns(nodeCount: number): number {
  return Math.max(1, Math.round(Math.sqrt(nodeCount * 1.6)));
}

const nodeId = (row: number, column: number): string => (row === 0 && column === 0 ? 'source' : `r${row}c${column}`);

/** The YAML of an `nodeCount`-node pipeline (the id of the node that is dragged: see `dragNodeId`). */
export function benchPipelineYaml(nodeCount: number): string {
  const columns = gridColumns(nodeCount);
  const nodes: string[] = [];
  const layout: string[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const row = Math.floor(i / columns);
    const column = i % columns;
    const id = nodeId(row, column);
    layout.push(`  ${id}: { x: ${column * COLUMN_PITCH}, y: ${row * ROW_PITCH} }`);
    if (i === 0) {
      nodes.push(`  - id: ${id}\n    type: read_csv\n    params: { path: ${DATA_FILE} }`);
      continue;
    }
    const input = column > 0 ? nodeId(row, column - 1) : nodeId(row - 1, 0);
    const kind = column === 0 ? 0 : column % 3;
    const body =
      kind === 1
        ? `type: derive\n    inputs: { in: ${input} }\n    params: { columns: { x${column}: "wind * 2" } }`
        : kind === 2
          ? `type: select\n    inputs: { in: ${input} }\n    params: { exclude: [ x${column - 1} ] }`
          : `type: filter\n    inputs: { in: ${input} }\n    params: { condition: "temp_max > -100" }`;
    nodes.push(`  - id: ${id}\n    ${body}`);
  }
  return [
    'millrace: 1',
    `name: canvas-bench-${nodeCount}`,
    `description: ${nodeCount} nodes on a grid, for the canvas benchmark.`,
    'nodes:',
    ...nodes,
    'layout:',
    ...layout,
    '',
  ].join('\n');
}

/** The node dragged in the drag case: the first transform of the first row, always on screen. */
export function dragNodeId(nodeCount: number): string {
  return nodeCount > 1 ? nodeId(0, Math.min(1, gridColumns(nodeCount) - 1)) : 'source';
}

/** Writes `canvas-<n>.yaml` for each size and the CSV they read into `root`; returns the file names. */
export function writeBenchProject(root: string, sizes: readonly number[], repoRoot: string): Map<number, string> {
  mkdirSync(path.join(root, 'data'), { recursive: true });
  copyFileSync(path.join(repoRoot, 'examples', DATA_FILE), path.join(root, DATA_FILE));
  const files = new Map<number, string>();
  for (const size of sizes) {
    const file = `canvas-${size}.yaml`;
    writeFileSync(path.join(root, file), benchPipelineYaml(size));
    files.set(size, file);
  }
  return files;
}
