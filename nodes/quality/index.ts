import type { NodeDefinition } from '../node-definition.js';

export const qualityNodes: NodeDefinition[] = [];
