import type { NodeDefinition } from '../node-definition.js';
import { filter } from './filter/filter.js';
import { aggregate } from './aggregate/aggregate.js';
import { cast } from './cast/cast.js';
import { dedupe } from './dedupe/dedupe.js';
import { derive } from './derive/derive.js';
import { dropMissing } from './drop_missing/drop_missing.js';
import { fillMissing } from './fill_missing/fill_missing.js';
import { join } from './join/join.js';
import { limit } from './limit/limit.js';
import { rename } from './rename/rename.js';
import { sample } from './sample/sample.js';
import { select } from './select/select.js';
import { sort } from './sort/sort.js';
import { union } from './union/union.js';
import { dateParts } from './date_parts/date_parts.js';
import { labelEncode } from './label_encode/label_encode.js';
import { oneHot } from './one_hot/one_hot.js';
import { pivot } from './pivot/pivot.js';
import { scale } from './scale/scale.js';
import { split } from './split/split.js';
import { sql } from './sql/sql.js';
import { unpivot } from './unpivot/unpivot.js';
import { windowNode } from './window/window.js';

export const transformNodes: NodeDefinition[] = [
  filter,
  select,
  rename,
  derive,
  cast,
  fillMissing,
  dropMissing,
  dedupe,
  sort,
  limit,
  sample,
  join,
  union,
  aggregate,
  windowNode,
  pivot,
  unpivot,
  dateParts,
  oneHot,
  labelEncode,
  scale,
  split,
  sql,
];
