/**
 * <CodeEditor>: SQL or YAML in Monaco. Monaco loads lazily (its own chunk), so the first paint never
 * waits for it; until then the text shows read-only in the same box, so nothing jumps. The wrapper
 * has class `nokey` because React Flow otherwise swallows the space key typed into the editor.
 */
import { lazy, Suspense } from 'react';
import './editor.css';
import type { CodeEditorProps } from './editor-types';

const MonacoCodeEditor = lazy(() => import('./MonacoCodeEditor'));

function cssHeight(props: CodeEditorProps): string | undefined {
  const { height, compact } = props;
  if (height === 'auto' || (height === undefined && compact)) return undefined;
  if (height === undefined) return '100%';
  return typeof height === 'number' ? `${height}px` : height;
}

export function CodeEditor(props: CodeEditorProps) {
  const classes = ['code-editor', 'nokey', props.compact ? 'code-editor-compact' : '', props.readOnly ? 'code-editor-readonly' : ''];
  return (
    <div className={classes.filter(Boolean).join(' ')} style={{ height: cssHeight(props) }} data-testid={props.testId ?? 'code-editor'} data-language={props.language}>
      <Suspense fallback={<pre className="code-editor-fallback">{props.value || props.placeholder}</pre>}>
        <MonacoCodeEditor {...props} />
      </Suspense>
    </div>
  );
}
