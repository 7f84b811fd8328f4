import type { NodeDefinition } from '../node-definition.js';

export const sinkNodes: NodeDefinition[] = [];
