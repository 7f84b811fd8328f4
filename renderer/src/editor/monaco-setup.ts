/**
 * The one place Monaco is imported. Bundled, never from a CDN: only the API, the generic editor
 * worker, the SQL and YAML grammars and the editor features we use (the full package is ~15 MB).
 * Completion providers are registered once per language; each editor registers its items by model.
 */
import * as monaco from 'monaco-editor/editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import 'monaco-editor/languages/definitions/sql/register';
import 'monaco-editor/languages/definitions/yaml/register';
// `monaco-editor/editor` is the bare API: typing commands, the suggest widget and the rest are opt-in.
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/find/browser/findController';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/placeholderText/register';
import { completionEnd, completionStart, filterTextFor, type EditorCompletion } from './completions';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

const completionsByModel = new Map<string, () => readonly EditorCompletion[]>();

const KIND: Record<NonNullable<EditorCompletion['kind']>, monaco.languages.CompletionItemKind> = {
  column: monaco.languages.CompletionItemKind.Field,
  table: monaco.languages.CompletionItemKind.Struct,
  keyword: monaco.languages.CompletionItemKind.Keyword,
};

function provider(): monaco.languages.CompletionItemProvider {
  return {
    triggerCharacters: ['"', '{'],
    provideCompletionItems(model, position) {
      const items = completionsByModel.get(model.uri.toString())?.() ?? [];
      if (items.length === 0) return { suggestions: [] };
      const line = model.getLineContent(position.lineNumber);
      const context = completionStart(line.slice(0, position.column - 1));
      const end = position.column + completionEnd(line.slice(position.column - 1), context);
      const range = new monaco.Range(position.lineNumber, context.start + 1, position.lineNumber, end);
      const { quoted } = context;
      return {
        suggestions: items.map((item, index) => ({
          label: { label: item.label, ...(item.detail ? { description: item.detail } : {}) },
          kind: KIND[item.kind ?? 'column'],
          insertText: item.insertText ?? item.label,
          filterText: filterTextFor(item, quoted),
          ...(item.detail ? { detail: item.detail } : {}),
          sortText: String(index).padStart(5, '0'),
          range,
        })),
      };
    },
  };
}

for (const language of ['sql', 'yaml']) monaco.languages.registerCompletionItemProvider(language, provider());

/** Let the editor on `model` offer these items; returns the function that stops it. */
export function provideCompletions(model: monaco.editor.ITextModel, items: () => readonly EditorCompletion[]): () => void {
  const key = model.uri.toString();
  completionsByModel.set(key, items);
  return () => {
    if (completionsByModel.get(key) === items) completionsByModel.delete(key);
  };
}

monaco.editor.defineTheme('millrace', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#ffffff', 'editorLineNumber.foreground': '#a0a7b0', 'editor.lineHighlightBackground': '#f5f7fa' },
});

export { monaco };
