import type { NodeDefinition } from '../node-definition.js';
import { readCsv } from './read_csv/read_csv.js';
import { readJson } from './read_json/read_json.js';
import { readParquet } from './read_parquet/read_parquet.js';
import { readSqlite } from './read_sqlite/read_sqlite.js';

export const sourceNodes: NodeDefinition[] = [readCsv, readParquet, readJson, readSqlite];
