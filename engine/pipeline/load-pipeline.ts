/** Load and resolve in one step: YAML text or file → document, resolved pipeline and every issue. */
import path from 'node:path';
import type { Catalogue } from '../../nodes/catalogue.js';
import type { PipelineDocument, PipelineIssue, ResolvedPipeline } from './document.js';
import { loadPipelineFile, loadPipelineText } from './load-yaml.js';
import { resolvePipeline } from './resolve.js';

export interface LoadOutcome {
  document?: PipelineDocument;
  pipeline?: ResolvedPipeline;
  issues: PipelineIssue[];
}

type Loaded = Awaited<ReturnType<typeof loadPipelineFile>>;

function resolveLoaded(loaded: Loaded, catalogue: Catalogue, baseDir: string, file: string | undefined): LoadOutcome {
  if (!loaded.document) return { issues: loaded.issues };
  const { pipeline, issues } = resolvePipeline(loaded.document, catalogue, { positions: loaded.positions, baseDir, file });
  return { document: loaded.document, pipeline, issues: [...loaded.issues, ...issues] };
}

export async function loadResolvedFile(file: string, catalogue: Catalogue): Promise<LoadOutcome> {
  const absolute = path.resolve(file);
  return resolveLoaded(await loadPipelineFile(absolute), catalogue, path.dirname(absolute), absolute);
}

export function loadResolvedText(text: string, catalogue: Catalogue, options: { file?: string; baseDir: string }): LoadOutcome {
  return resolveLoaded(loadPipelineText(text, { file: options.file }), catalogue, options.baseDir, options.file);
}
