import type { NodeDefinition } from '../node-definition.js';
import { writeCsv } from './write_csv/write_csv.js';
import { writeParquet } from './write_parquet/write_parquet.js';
import { writeSqlite } from './write_sqlite/write_sqlite.js';

export const sinkNodes: NodeDefinition[] = [writeCsv, writeParquet, writeSqlite];
