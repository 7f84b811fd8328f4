/** A toolbar button: an icon, an optional short label, and a tooltip naming its shortcut. */
import type { ReactNode } from 'react';
import { Icon, type IconName } from '../app/Icon';

export interface ToolButtonProps {
  icon: IconName;
  label?: string;
  /** What it does, for the tooltip. */
  what: string;
  shortcut?: string;
  onClick(): void;
  disabled?: boolean;
  active?: boolean;
  variant?: 'primary' | 'danger';
  testId: string;
  children?: ReactNode;
}

export function ToolButton({ icon, label, what, shortcut, onClick, disabled, active, variant, testId }: ToolButtonProps) {
  const title = shortcut ? `${what} (${shortcut})` : what;
  return (
    <button
      type="button"
      className={['btn', variant ?? '', active ? 'active' : ''].filter(Boolean).join(' ')}
      title={title}
      aria-label={label ? undefined : what}
      aria-pressed={active}
      onClick={onClick}
      disabled={disabled}
      data-testid={testId}
    >
      <Icon name={icon} />
      {label && <span>{label}</span>}
    </button>
  );
}
