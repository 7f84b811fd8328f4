/** `ui: columns`: the chosen columns as chips (order kept), added from a column picker. */
import { useState } from 'react';
import type { ColumnInfo } from '../../../../engine/contract/api';
import { ChipList } from './ChipList';
import { ColumnCombobox } from './ColumnCombobox';

export interface ColumnChipsProps {
  items: string[];
  onChange: (items: string[]) => void;
  columns: readonly ColumnInfo[] | undefined;
  placeholder?: string;
  invalid?: boolean;
  testId?: string;
}

export function ColumnChips({ items, onChange, columns, placeholder, invalid, testId }: ColumnChipsProps) {
  const [text, setText] = useState('');
  const missing = (name: string) => (columns && !columns.some((c) => c.name === name) ? `The input has no column "${name}".` : undefined);
  const rest = columns?.filter((c) => !items.includes(c.name)) ?? [];
  return (
    <div className={`column-chips${invalid ? ' invalid' : ''}`} data-testid={testId}>
      <ChipList items={items} onChange={onChange} warning={missing}>
        <ColumnCombobox
          value={text}
          onChange={setText}
          onPick={(name) => {
            if (!items.includes(name)) onChange([...items, name]);
            setText('');
          }}
          onBackspaceEmpty={() => onChange(items.slice(0, -1))}
          columns={columns}
          exclude={items}
          placeholder={items.length === 0 ? (placeholder ?? 'Add a column…') : 'Add…'}
          ariaLabel="Add a column"
        />
      </ChipList>
      {rest.length > 0 && (
        <button type="button" className="link-button" title="Add every remaining column of the input, in table order" onClick={() => onChange([...items, ...rest.map((c) => c.name)])}>
          Add all {rest.length}
        </button>
      )}
    </div>
  );
}
