/** What every field widget may need from the inspector: upstream columns, SQL completions, issues. */
import { createContext, useContext } from 'react';
import type { ColumnInfo, PipelineIssue } from '../../../engine/contract/api';
import type { EditorCompletion } from '../editor';

export interface InspectorContextValue {
  /** Columns of an input port; undefined while unknown (not connected, loading, failed). */
  columns(input: string): ColumnInfo[] | undefined;
  /** Why the columns of an input are not known, for a hint under the picker. */
  columnsNote(input: string): string | undefined;
  sqlCompletions(mode: 'expression' | 'query'): EditorCompletion[];
  /** The input whose columns map keys and expressions refer to (usually `in`). */
  mainInput: string | undefined;
  /** This node's issues. */
  issues: readonly PipelineIssue[];
}

export const InspectorContext = createContext<InspectorContextValue>({
  columns: () => undefined,
  columnsNote: () => undefined,
  sqlCompletions: () => [],
  mainInput: undefined,
  issues: [],
});

export const useInspector = () => useContext(InspectorContext);
