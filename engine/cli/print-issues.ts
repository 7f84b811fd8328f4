/** Pipeline problems on stderr, one compiler-style line each, with paths relative to where the user is. */
import path from 'node:path';
import type { PipelineIssue } from '../pipeline/document.js';
import { formatIssue } from '../pipeline/issue-codes.js';

export function printIssues(issues: PipelineIssue[], fallbackFile?: string): void {
  for (const issue of issues) {
    const file = issue.file ?? fallbackFile;
    const shown = file ? path.relative(process.cwd(), file) || file : undefined;
    process.stderr.write(`${formatIssue({ ...issue, file: shown })}\n`);
  }
}

export function hasErrors(issues: PipelineIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
