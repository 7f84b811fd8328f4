/**
 * Content-addressed cache keys. A node's fingerprint hashes its type and version, its parsed
 * params, its inputs' fingerprints and the identity of the files it reads (path, size, mtime).
 * Anything that changes upstream changes every key below it, so there is no invalidation code.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { outputPorts } from '../../nodes/node-definition.js';
import type { ResolvedNode, ResolvedPipeline } from '../pipeline/document.js';

export interface FileIdentity {
  path: string;
  /** -1 when the file does not exist (the node will fail when it runs). */
  size: number;
  mtimeMs: number;
}

/** What went into a fingerprint, kept so a re-run can say *why* a node re-ran. */
export interface FingerprintParts {
  type: string;
  version: number;
  params: string;
  inputs: Record<string, string>;
  files: FileIdentity[];
}

export interface NodeFingerprint {
  node: string;
  /** Output port → key of that output's cached table. */
  outputs: Record<string, string>;
  parts: FingerprintParts;
}

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 24);
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` hash alike where order carries no meaning. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'bigint') return v.toString();
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

export async function fileIdentity(path: string): Promise<FileIdentity> {
  try {
    const s = await stat(path);
    return { path, size: s.size, mtimeMs: Math.trunc(s.mtimeMs) };
  } catch {
    return { path, size: -1, mtimeMs: 0 };
  }
}

async function sourceFilesOf(node: ResolvedNode, resolvePath: (p: string) => string): Promise<FileIdentity[]> {
  const def = node.definition;
  if (!def.sourceFiles) return [];
  const files = await def.sourceFiles(node.params as never, resolvePath);
  return Promise.all(files.map(fileIdentity));
}

/** Fingerprints of every node, in topological order. */
export async function fingerprintPipeline(pipeline: ResolvedPipeline, resolvePath: (p: string) => string): Promise<Map<string, NodeFingerprint>> {
  const result = new Map<string, NodeFingerprint>();
  for (const id of pipeline.order) {
    const node = pipeline.nodes.get(id);
    if (!node) continue;
    const inputs: Record<string, string> = {};
    for (const [port, input] of Object.entries(node.inputs)) {
      const upstream = result.get(input.node);
      inputs[port] = upstream?.outputs[input.port] ?? `missing:${input.node}.${input.port}`;
    }
    const parts: FingerprintParts = {
      type: node.type,
      version: node.definition.version,
      params: canonicalJson(node.params),
      inputs,
      files: await sourceFilesOf(node, resolvePath),
    };
    const nodeKey = sha(canonicalJson(parts));
    const outputs: Record<string, string> = {};
    for (const port of outputPorts(node.definition, node.params)) outputs[port.name] = sha(`${nodeKey}:${port.name}`);
    if (node.definition.kind === 'sink') outputs.__sink = nodeKey;
    result.set(id, { node: nodeKey, outputs, parts });
  }
  return result;
}

/** Plain words for why a node's fingerprint differs from the one recorded last time. */
export function explainChange(
  previous: FingerprintParts | undefined,
  current: FingerprintParts,
  inputNodes: Record<string, string> = {},
): string {
  if (!previous) return 'not run before';
  if (previous.type !== current.type || previous.version !== current.version) return 'node type changed';
  if (previous.params !== current.params) return 'params changed';
  const changedFiles = current.files.filter((f) => {
    const before = previous.files.find((p) => p.path === f.path);
    return !before || before.size !== f.size || before.mtimeMs !== f.mtimeMs;
  });
  if (changedFiles.length > 0 || previous.files.length !== current.files.length) {
    const names = changedFiles.map((f) => f.path.split(/[\\/]/).pop()).join(', ');
    return names ? `source file changed (${names})` : 'source files changed';
  }
  const changedInputs = Object.keys(current.inputs).filter((port) => previous.inputs[port] !== current.inputs[port]);
  const removed = Object.keys(previous.inputs).filter((port) => !(port in current.inputs));
  if (changedInputs.length + removed.length > 0) {
    const upstream = [...new Set([...changedInputs, ...removed].map((port) => inputNodes[port] ?? port))];
    return `upstream ${upstream.join(', ')} changed`;
  }
  return 'cached output missing';
}
