/** A list of free values (assert's allowed values): type one, Enter or comma adds it as a chip. */
import { useState } from 'react';
import { ChipList } from './ChipList';

export interface ValueChipsProps {
  items: string[];
  onChange: (items: string[]) => void;
  placeholder?: string;
  testId?: string;
}

export function ValueChips({ items, onChange, placeholder, testId }: ValueChipsProps) {
  const [text, setText] = useState('');
  const add = () => {
    if (text.trim() === '') return;
    onChange([...items, text.trim()]);
    setText('');
  };
  return (
    <div className="column-chips" data-testid={testId}>
      <ChipList items={items} onChange={onChange}>
        <input
          className="field-input chip-input"
          value={text}
          placeholder={items.length === 0 ? (placeholder ?? 'Type a value, Enter to add') : 'Add…'}
          aria-label="Add a value"
          onChange={(e) => setText(e.target.value)}
          onBlur={add}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || (e.key === ',' && !text.startsWith('"'))) {
              e.preventDefault();
              add();
            } else if (e.key === 'Backspace' && text === '') onChange(items.slice(0, -1));
          }}
        />
      </ChipList>
    </div>
  );
}
