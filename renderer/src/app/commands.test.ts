import { describe, expect, it } from 'vitest';
import { issueLines, suggestedFileName, yamlPath } from './commands';

describe('file command helpers', () => {
  it('save-as paths end in .yaml and lose a leading ./', () => {
    expect(yamlPath('models/churn')).toBe('models/churn.yaml');
    expect(yamlPath(' ./churn.yml ')).toBe('churn.yml');
    expect(yamlPath('Churn.YAML')).toBe('Churn.YAML');
  });

  it('issues read as lines with their line and node', () => {
    expect(
      issueLines([
        { code: 'UNKNOWN_NODE_TYPE', severity: 'error', message: 'Unknown node type "fliter".', nodeId: 'keep', line: 12, hint: 'Did you mean "filter"?' },
        { code: 'YAML', severity: 'error', message: 'Bad indentation.' },
      ]),
    ).toEqual(['line 12: node "keep": Unknown node type "fliter". Did you mean "filter"?', 'Bad indentation.']);
  });

  it('the file name offered for export or a native Save As is the file\'s, else the pipeline\'s name', () => {
    expect(suggestedFileName('penguins', 'models/Beak Length (mm).yml')).toBe('Beak Length (mm).yaml');
    expect(suggestedFileName('untitled', undefined)).toBe('pipeline.yaml');
    expect(suggestedFileName('  ', undefined)).toBe('pipeline.yaml');
    expect(suggestedFileName(' say "hi" to O\'Brien ', undefined)).toBe('say "hi" to O\'Brien.yaml');
    expect(suggestedFileName('a/b\\c', undefined)).toBe('a-b-c.yaml');
  });
});
