import type { NodeDefinition } from '../node-definition.js';
import { assertNode } from './assert/assert.js';
import { drift } from './drift/drift.js';
import { schemaCheck } from './schema_check/schema_check.js';

export const qualityNodes: NodeDefinition[] = [assertNode, schemaCheck, drift];
