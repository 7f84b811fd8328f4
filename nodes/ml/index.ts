import type { NodeDefinition } from '../node-definition.js';
import { evaluate } from './evaluate/evaluate.js';
import { predict } from './predict/predict.js';
import { saveModel } from './save_model/save_model.js';
import { train } from './train/train.js';

export const mlNodes: NodeDefinition[] = [train, predict, evaluate, saveModel];
