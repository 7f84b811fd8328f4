/**
 * The contract types the panel draws, derived from engine/contract/api (the renderer imports
 * no other engine module).
 */
import type { EngineEvent, JsonRow, RunDetailsResponse, TableProfile } from '../../../engine/contract/api';

export type JsonValue = JsonRow[string];
export type ColumnProfile = TableProfile['columns'][number];
export type HistogramBin = NonNullable<ColumnProfile['histogram']>[number];
export type TopValue = NonNullable<ColumnProfile['top_values']>[number];
export type ProfileValue = NonNullable<ColumnProfile['min']>;
export type NodeRunRecord = RunDetailsResponse['nodes'][number];
export type TrainingProgress = Extract<EngineEvent, { type: 'training-progress' }>['progress'];
