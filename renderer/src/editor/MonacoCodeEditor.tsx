/**
 * The Monaco editor itself (loaded lazily by CodeEditor.tsx). One model per instance; the `value`
 * prop is pushed into the model only when it differs from what the user typed, as an undoable edit,
 * so a parent that echoes the text back never moves the cursor.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { CodeEditorProps, EditorMarker } from './editor-types';
import { monaco, provideCompletions } from './monaco-setup';

const SEVERITY: Record<EditorMarker['severity'], monaco.MarkerSeverity> = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
};

function editorOptions(props: CodeEditorProps): monaco.editor.IStandaloneEditorConstructionOptions {
  const compact = props.compact === true;
  return {
    theme: 'millrace',
    fontSize: 12.5,
    lineHeight: 19,
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    automaticLayout: true,
    fixedOverflowWidgets: true,
    // A textarea rather than the EditContext API: predictable for shortcuts handlers and Playwright.
    editContext: false,
    tabSize: 2,
    lineNumbers: compact ? 'off' : 'on',
    folding: !compact,
    glyphMargin: false,
    lineDecorationsWidth: compact ? 6 : 10,
    lineNumbersMinChars: 3,
    renderLineHighlight: compact ? 'none' : 'line',
    overviewRulerLanes: compact ? 0 : 2,
    hideCursorInOverviewRuler: true,
    // SQL lives in narrow panels: wrap it rather than scroll sideways. YAML keeps its indentation readable unwrapped.
    wordWrap: compact || props.language === 'sql' ? 'on' : 'off',
    scrollbar: { alwaysConsumeMouseWheel: false, verticalScrollbarSize: 10, horizontalScrollbarSize: 10 },
    padding: compact ? { top: 4, bottom: 4 } : { top: 6, bottom: 6 },
    wordBasedSuggestions: props.language === 'sql' ? 'off' : 'currentDocument',
    quickSuggestions: { other: true, strings: false, comments: false },
    suggest: { showWords: props.language !== 'sql' },
    readOnly: props.readOnly === true,
    domReadOnly: props.readOnly === true,
    ...(props.placeholder ? { placeholder: props.placeholder } : {}),
    ariaLabel: props.ariaLabel ?? `${props.language.toUpperCase()} editor`,
  };
}

export default function MonacoCodeEditor(props: CodeEditorProps) {
  // Completions are read from `latest` when the list opens, so a new list needs no effect.
  const { language, value, markers, readOnly, placeholder } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const latest = useRef(props);
  const applyingValue = useRef(false);

  useLayoutEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const model = monaco.editor.createModel(latest.current.value, language);
    const editor = monaco.editor.create(host, { ...editorOptions(latest.current), model });
    editorRef.current = editor;
    const changes = model.onDidChangeContent(() => {
      if (!applyingValue.current) latest.current.onChange?.(model.getValue());
    });
    const autoHeight = editor.onDidContentSizeChange(() => fitHeight(editor, host, latest.current));
    fitHeight(editor, host, latest.current);
    const stopCompletions = provideCompletions(model, () => latest.current.completions ?? []);
    return () => {
      changes.dispose();
      autoHeight.dispose();
      stopCompletions();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
  }, [language]);

  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || model.getValue() === value) return;
    applyingValue.current = true;
    try {
      editor.pushUndoStop();
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
      editor.pushUndoStop();
    } finally {
      applyingValue.current = false;
    }
  }, [value]);

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly: readOnly === true, domReadOnly: readOnly === true, ...(placeholder ? { placeholder } : {}) });
  }, [readOnly, placeholder]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(model, 'millrace', (markers ?? []).map((m) => toMarkerData(model, m)));
  }, [markers, value]);

  return <div ref={hostRef} className="code-editor-host" />;
}

function toMarkerData(model: monaco.editor.ITextModel, marker: EditorMarker): monaco.editor.IMarkerData {
  const line = Math.min(Math.max(1, marker.line), model.getLineCount());
  const maxColumn = model.getLineMaxColumn(line);
  const column = Math.min(Math.max(1, marker.column ?? 1), maxColumn);
  const word = marker.column !== undefined ? model.getWordAtPosition({ lineNumber: line, column }) : null;
  const endColumn = word ? word.endColumn : maxColumn;
  return {
    severity: SEVERITY[marker.severity],
    message: marker.message,
    startLineNumber: line,
    startColumn: marker.column !== undefined ? column : model.getLineFirstNonWhitespaceColumn(line) || 1,
    endLineNumber: line,
    endColumn: Math.max(endColumn, column + 1),
  };
}

/** height 'auto': the editor grows with its content, between one line and maxHeight. */
function fitHeight(editor: monaco.editor.IStandaloneCodeEditor, host: HTMLDivElement, props: CodeEditorProps): void {
  const auto = props.height === 'auto' || (props.height === undefined && props.compact === true);
  const wrapper = host.parentElement;
  if (!auto || !wrapper) return;
  const height = Math.min(Math.max(editor.getContentHeight(), props.minHeight ?? 28), props.maxHeight ?? 220);
  if (wrapper.style.height !== `${height}px`) {
    wrapper.style.height = `${height}px`;
    editor.layout();
  }
}
