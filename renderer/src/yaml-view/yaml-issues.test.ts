import { describe, expect, it } from 'vitest';
import type { PipelineDocument, PipelineIssue } from '../../../engine/contract/api';
import { blocksApply, documentToApply, issueLines, issueMarkers } from './yaml-issues';

const document: PipelineDocument = { millrace: 1, name: 'p', nodes: [{ id: 'a', type: 'filter', inputs: {}, params: {} }] };
const issue = (code: string, line?: number, severity: 'error' | 'warning' = 'error'): PipelineIssue => ({
  code,
  severity,
  message: `${code} here`,
  ...(line !== undefined ? { line, column: 3 } : {}),
});

describe('applying YAML edits', () => {
  it('applies a document without problems in its text', () => {
    expect(documentToApply({ document, issues: [] })).toBe(document);
  });

  it('refuses text with a syntax or shape error, so what was typed is not lost', () => {
    expect(documentToApply({ issues: [issue('YAML_SYNTAX', 4)] })).toBeUndefined();
    expect(documentToApply({ document, issues: [issue('UNKNOWN_KEY', 2)] })).toBeUndefined();
    expect(documentToApply({ document, issues: [issue('DUPLICATE_ID', 9)] })).toBeUndefined();
  });

  it('applies a well-formed pipeline whose nodes have problems: the canvas shows them', () => {
    expect(documentToApply({ document, issues: [issue('MISSING_PARAM', 5), issue('MISSING_INPUT', 5)] })).toBe(document);
    expect(documentToApply({ document, issues: [issue('YAML_SYNTAX', 1, 'warning')] })).toBe(document);
    expect(blocksApply(issue('BAD_PARAM'))).toBe(false);
  });
});

describe('YAML issues in the editor', () => {
  it('marks each issue with a line at its line and column, hint included', () => {
    const withHint: PipelineIssue = { ...issue('BAD_PARAM', 7), hint: 'Use a number.' };
    expect(issueMarkers([withHint, issue('CYCLE')])).toEqual([{ line: 7, column: 3, message: 'BAD_PARAM here\nUse a number.', severity: 'error' }]);
  });

  it('lists issues as "line N: message", in line order', () => {
    expect(issueLines([issue('B', 12), issue('A', 3), issue('CYCLE')]).map((l) => l.text)).toEqual(['CYCLE here', 'line 3: A here', 'line 12: B here']);
  });
});
