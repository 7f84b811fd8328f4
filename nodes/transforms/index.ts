import type { NodeDefinition } from '../node-definition.js';
import { filter } from './filter/filter.js';

export const transformNodes: NodeDefinition[] = [filter];
