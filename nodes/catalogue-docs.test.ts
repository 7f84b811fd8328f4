/**
 * The node reference and the UI's forms are generated from the definitions, so the definitions
 * must carry everything they need: a label, a description and an example for every node type,
 * a description for every param (also inside lists of objects), and examples that are valid.
 */
import { describe, expect, it } from 'vitest';
import { builtinNodes, defaultCatalogue } from './catalogue.js';
import { DOCS_END, DOCS_START, nodeReferenceMarkdown, replaceNodeReference } from './catalogue-docs.js';
import { catalogueToJson } from './catalogue-json.js';

type Schema = Record<string, unknown>;

/** Dotted paths of the params (and fields of objects inside them) that have no description. */
function undescribed(schema: Schema, path: string): string[] {
  const missing: string[] = [];
  const visit = (node: unknown, at: string) => {
    if (typeof node !== 'object' || node === null) return;
    const s = node as Schema;
    for (const [key, child] of Object.entries((s.properties as Record<string, Schema> | undefined) ?? {})) {
      if (typeof child.description !== 'string' || child.description.trim() === '') missing.push(`${at}.${key}`);
      visit(child, `${at}.${key}`);
    }
    for (const alternative of [...((s.anyOf as unknown[]) ?? []), ...((s.oneOf as unknown[]) ?? [])]) visit(alternative, at);
    if (s.items) visit(s.items, `${at}[]`);
    if (typeof s.additionalProperties === 'object') visit(s.additionalProperties, `${at}{}`);
  };
  visit(schema, path);
  return missing;
}

const json = catalogueToJson(defaultCatalogue);

describe('node catalogue documentation', () => {
  it('the JSON catalogue lists every built-in node type once', () => {
    expect(json.nodeTypes.map((n) => n.type)).toEqual(builtinNodes.map((d) => d.type));
  });

  it.each(json.nodeTypes.map((n) => [n.type, n] as const))('%s has a label, a description and an example', (_type, node) => {
    expect(node.label.trim()).not.toBe('');
    expect(node.description.trim().length).toBeGreaterThan(20);
    expect(node.example).toBeDefined();
  });

  it('every param of every node type has a description, also the fields of objects inside lists', () => {
    const missing = json.nodeTypes.flatMap((node) => undescribed(node.params, node.type));
    expect(missing).toEqual([]);
  });

  it('the checker finds a param without a description', () => {
    const schema = { type: 'object', properties: { by: { type: 'array', description: 'keys', items: { type: 'object', properties: { column: { type: 'string' } } } } } };
    expect(undescribed(schema, 'sort')).toEqual(['sort.by[].column']);
  });

  it.each(builtinNodes.map((d) => [d.type, d] as const))('the example params of %s are valid for its schema', (_type, definition) => {
    const parsed = definition.params.safeParse(definition.example);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('the reference has a section per node type and replacing it twice changes nothing', () => {
    const markdown = nodeReferenceMarkdown(defaultCatalogue);
    for (const node of json.nodeTypes) expect(markdown).toContain(`#### \`${node.type}\` — ${node.label}`);
    const readme = `# Title\n\n${DOCS_START}\nold text\n${DOCS_END}\n\nAfter.\n`;
    const once = replaceNodeReference(readme, defaultCatalogue);
    expect(once).toContain(markdown);
    expect(once.endsWith(`${DOCS_END}\n\nAfter.\n`)).toBe(true);
    expect(replaceNodeReference(once, defaultCatalogue)).toBe(once);
    expect(() => replaceNodeReference('# no markers\n', defaultCatalogue)).toThrow(/markers/);
  });
});
