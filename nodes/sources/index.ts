import type { NodeDefinition } from '../node-definition.js';
import { readCsv } from './read_csv/read_csv.js';

export const sourceNodes: NodeDefinition[] = [readCsv];
