/** Canonical YAML keeps SQL expressions readable: no backslash escapes where block style needs none. */
import { describe, expect, it } from 'vitest';
import { formatPipeline } from './format-yaml.js';
import { loadPipelineText } from './load-yaml.js';

const pipeline = (columns: Record<string, string>) => ({
  millrace: 1 as const,
  name: 'quotes',
  nodes: [{ id: 'parsed', type: 'derive', inputs: {}, params: { columns } }],
});

describe('formatPipeline and quotes in values', () => {
  it('an expression holding both kinds of quote goes in block style, written as it is', () => {
    const document = pipeline({ departure: `strptime("date", '%Y/%m/%d %H:%M')`, late: 'delay > 15' });
    const text = formatPipeline(document);
    expect(text).toContain(`        departure: strptime("date", '%Y/%m/%d %H:%M')\n        late: delay > 15\n`);
    expect(text).not.toContain('\\"');
    expect(loadPipelineText(text).document).toEqual(document);
  });

  it('an expression with one kind of quote still fits on one line in flow style', () => {
    const document = pipeline({ ratio: '"Beak Length (mm)" / "Beak Depth (mm)"' });
    const text = formatPipeline(document);
    expect(text).toContain(`    params: { columns: { ratio: '"Beak Length (mm)" / "Beak Depth (mm)"' } }\n`);
    expect(loadPipelineText(text).document).toEqual(document);
  });
});
