/**
 * A text box with a drop-down of the upstream columns (name and type), filtered as you type.
 * Any name may be typed: the input may not be connected yet, or the column made later.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import type { ColumnInfo } from '../../../../engine/contract/api';
import { filterColumns } from '../column-filter';

export interface ColumnComboboxProps {
  value: string;
  onChange: (value: string) => void;
  /** Called when a column is chosen from the list or Enter is pressed (the chip picker adds it). */
  onPick?: (name: string) => void;
  columns: readonly ColumnInfo[] | undefined;
  /** Names not to offer (already chosen). */
  exclude?: readonly string[];
  placeholder?: string;
  invalid?: boolean;
  testId?: string;
  ariaLabel?: string;
  onBackspaceEmpty?: () => void;
}

export function ColumnCombobox(props: ColumnComboboxProps) {
  const { value, onChange, onPick, columns, exclude, placeholder, invalid, testId, ariaLabel, onBackspaceEmpty } = props;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const listId = useId();
  const options = filterColumns(columns ?? [], query ?? '', exclude);
  const known = columns?.find((c) => c.name === value);

  const pick = (name: string) => {
    if (onPick) onPick(name);
    else onChange(name);
    setQuery(null);
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (options.length === 0 ? 0 : (i + step + options.length) % options.length));
    } else if (event.key === 'Enter') {
      const chosen = open ? options[active] : undefined;
      if (chosen) pick(chosen.name);
      else if (onPick && value.trim()) pick(value.trim());
      else setOpen(false);
      event.preventDefault();
    } else if (event.key === 'Escape') {
      if (open) event.stopPropagation();
      setOpen(false);
    } else if (event.key === 'Backspace' && value === '') {
      onBackspaceEmpty?.();
    }
  };

  return (
    <div className="combobox" data-testid={testId}>
      <input
        className={`field-input${invalid ? ' invalid' : ''}`}
        value={value}
        placeholder={placeholder}
        aria-label={ariaLabel}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        spellCheck={false}
        onChange={(e) => {
          onChange(e.target.value);
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => {
          setQuery(null);
          setActive(0);
        }}
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {known && !onPick && <span className="combobox-type">{known.type}</span>}
      <button
        type="button"
        className="combobox-toggle"
        tabIndex={-1}
        title="Show the input's columns (↓)"
        aria-label="Show columns"
        onMouseDown={(e) => {
          e.preventDefault();
          e.currentTarget.parentElement?.querySelector('input')?.focus();
          setQuery(null);
          setOpen((o) => !o);
        }}
      >
        ▾
      </button>
      {open && (
        <ul className="combobox-list" id={listId} role="listbox">
          {options.length === 0 && <li className="combobox-empty">{columns === undefined ? 'Columns unknown: type a name' : 'No matching column: Enter keeps what you typed'}</li>}
          {options.map((c, i) => (
            <li
              key={c.name}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              data-testid="column-option"
              onMouseDown={(e) => {
                e.preventDefault();
                pick(c.name);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="combobox-name">{c.name}</span>
              <span className="combobox-option-type">{c.type}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
