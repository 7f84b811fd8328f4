/**
 * Param paths as the engine writes them in issues (`fractions.train`, `by[0].column`,
 * `columns["Beak Length (mm)"]`), so each issue is shown next to the field it is about.
 */
import type { PipelineIssue } from '../../../engine/pipeline/document';

export type ParamPath = readonly (string | number)[];

/** The same text as the engine's formatParamPath. */
export function formatParamPath(path: ParamPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** Issues about exactly this param. */
export function issuesAt(issues: readonly PipelineIssue[], path: ParamPath): PipelineIssue[] {
  const text = formatParamPath(path);
  return issues.filter((issue) => issue.param === text);
}

/** Issues about this param or anything inside it (a map's entries). */
export function issuesWithin(issues: readonly PipelineIssue[], path: ParamPath): PipelineIssue[] {
  const text = formatParamPath(path);
  return issues.filter((issue) => issue.param !== undefined && (issue.param === text || issue.param.startsWith(`${text}.`) || issue.param.startsWith(`${text}[`)));
}

/**
 * Issues of this node that no field will show: about the node itself (inputs, type) or about a
 * param the form has no field for (an unknown param).
 */
export function unplacedIssues(issues: readonly PipelineIssue[], fieldNames: readonly string[]): PipelineIssue[] {
  return issues.filter((issue) => {
    if (!issue.param) return true;
    return !fieldNames.some((name) => {
      const text = formatParamPath([name]);
      return issue.param === text || issue.param?.startsWith(`${text}.`) || issue.param?.startsWith(`${text}[`);
    });
  });
}
