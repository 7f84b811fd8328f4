/** Small documents for the store tests. */
import type { PipelineDocument } from '../../../engine/pipeline/document';

/** read → clean → (filter, model) ; split with two outputs feeding two scalers. */
export function sampleDocument(): PipelineDocument {
  return {
    millrace: 1,
    name: 'sample',
    nodes: [
      { id: 'read', type: 'read_csv', inputs: {}, params: { path: 'data/a.csv' } },
      { id: 'clean', type: 'drop_missing', inputs: { in: 'read' }, params: {} },
      { id: 'parts', type: 'split', inputs: { in: 'clean' }, params: { fractions: { train: 0.8, test: 0.2 } } },
      { id: 'scaled_train', type: 'scale', inputs: { in: 'parts.train' }, params: { columns: ['Beak Length (mm)'] } },
      { id: 'scaled_test', type: 'scale', inputs: { in: 'parts.test', fit: 'parts.train' }, params: { columns: ['Beak Length (mm)'] } },
    ],
    layout: { read: { x: 0, y: 0 }, clean: { x: 250, y: 0 }, parts: { x: 500, y: 0 }, scaled_train: { x: 750, y: -60 }, scaled_test: { x: 750, y: 60 } },
  };
}
