/**
 * The node catalogue: every node type Millrace knows, by its YAML name.
 * Adding a node type = adding its folder and listing it in its category's index.ts.
 */
import { mlNodes } from './ml/index.js';
import type { NodeDefinition } from './node-definition.js';
import { qualityNodes } from './quality/index.js';
import { sinkNodes } from './sinks/index.js';
import { sourceNodes } from './sources/index.js';
import { transformNodes } from './transforms/index.js';

export class Catalogue {
  private readonly byType = new Map<string, NodeDefinition>();

  constructor(definitions: readonly NodeDefinition[]) {
    for (const def of definitions) {
      if (this.byType.has(def.type)) throw new Error(`Node type "${def.type}" is declared twice.`);
      this.byType.set(def.type, def);
    }
  }

  get(type: string): NodeDefinition | undefined {
    return this.byType.get(type);
  }

  all(): NodeDefinition[] {
    return [...this.byType.values()];
  }

  types(): string[] {
    return [...this.byType.keys()];
  }
}

export const builtinNodes: readonly NodeDefinition[] = [...sourceNodes, ...transformNodes, ...qualityNodes, ...mlNodes, ...sinkNodes];

export const defaultCatalogue = new Catalogue(builtinNodes);
