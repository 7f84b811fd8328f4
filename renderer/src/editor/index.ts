/** The editor module's surface: the lazy <CodeEditor> and the pure completion helpers (Monaco stays inside). */
export { CodeEditor } from './CodeEditor';
export type { CodeEditorProps, EditorMarker, EditorCompletion } from './editor-types';
export { columnCompletions, mergedColumnCompletions, portCompletions, sqlIdentifier } from './completions';
