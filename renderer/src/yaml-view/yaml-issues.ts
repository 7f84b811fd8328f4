/**
 * Which parse results the YAML view applies to the canvas, and issues as editor markers and lines.
 * Problems with the text itself (syntax, shape, ids) block: applying would lose what was typed.
 * Problems inside a well-formed pipeline (a bad param, a missing input) do not: the canvas shows
 * invalid nodes too, and refusing them would make a pipeline that already has one uneditable here.
 */
import type { ParseResponse, PipelineDocument, PipelineIssue } from '../../../engine/contract/api';
import type { EditorMarker } from '../editor';

const TEXT_ISSUES = new Set([
  'FILE_TOO_LARGE',
  'FILE_UNREADABLE',
  'YAML_SYNTAX',
  'DUPLICATE_KEY',
  'ALIAS_LIMIT',
  'TOO_COMPLEX',
  'BAD_VALUE',
  'UNKNOWN_KEY',
  'MISSING_KEY',
  'BAD_FORMAT_VERSION',
  'BAD_NODE_ID',
  'DUPLICATE_ID',
]);

export function blocksApply(issue: PipelineIssue): boolean {
  return issue.severity === 'error' && TEXT_ISSUES.has(issue.code);
}

/** The document to put on the canvas, or undefined when the text cannot be applied. */
export function documentToApply(response: ParseResponse): PipelineDocument | undefined {
  if (!response.document || response.issues.some(blocksApply)) return undefined;
  return response.document;
}

export function issueMarkers(issues: readonly PipelineIssue[]): EditorMarker[] {
  return issues
    .filter((i) => i.line !== undefined)
    .map((i) => ({
      line: i.line as number,
      ...(i.column !== undefined ? { column: i.column } : {}),
      message: i.hint ? `${i.message}\n${i.hint}` : i.message,
      severity: i.severity,
    }));
}

/** `line 12: …`, sorted by line; issues without a line come first. */
export function issueLines(issues: readonly PipelineIssue[]): { text: string; issue: PipelineIssue }[] {
  return [...issues]
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    .map((issue) => ({ text: issue.line !== undefined ? `line ${issue.line}: ${issue.message}` : issue.message, issue }));
}
