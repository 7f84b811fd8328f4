/** Props of <CodeEditor>, shared by the lazy wrapper and the Monaco component it loads. */
import type { EditorCompletion } from './completions';

export interface EditorMarker {
  /** 1-based. */
  line: number;
  /** 1-based; without it the whole line is marked. */
  column?: number;
  message: string;
  severity: 'error' | 'warning' | 'info';
}

export interface CodeEditorProps {
  language: 'sql' | 'yaml';
  value: string;
  onChange?: (value: string) => void;
  /** Pixels or a CSS length; 'auto' grows with the text (up to maxHeight). Default: 'auto' when compact, else '100%'. */
  height?: number | string;
  /** Bounds of an 'auto' height, in pixels (default 28 and 220). */
  minHeight?: number;
  maxHeight?: number;
  readOnly?: boolean;
  markers?: readonly EditorMarker[];
  /** Offered while typing (Ctrl+Space shows them all), e.g. upstream columns. */
  completions?: readonly EditorCompletion[];
  /** For short fragments in forms: no line numbers, folding or line highlight; wraps long lines. */
  compact?: boolean;
  placeholder?: string;
  ariaLabel?: string;
  testId?: string;
}

export type { EditorCompletion };
