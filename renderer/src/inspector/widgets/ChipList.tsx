/** Removable chips in a kept order; drag a chip onto another to reorder. */
import { useState, type ReactNode } from 'react';
import { moveItem } from '../column-filter';

export interface ChipListProps {
  items: readonly string[];
  onChange: (items: string[]) => void;
  /** Marks a chip (e.g. a column the input does not have) with a reason shown as its tooltip. */
  warning?: (item: string) => string | undefined;
  children?: ReactNode;
}

export function ChipList({ items, onChange, warning, children }: ChipListProps) {
  const [dragging, setDragging] = useState<number | null>(null);
  return (
    <div className="chips">
      {items.map((item, index) => {
        const problem = warning?.(item);
        return (
          <span
            key={`${item}\u0000${index}`}
            className={`chip${problem ? ' chip-warn' : ''}${dragging === index ? ' chip-dragging' : ''}`}
            title={problem ?? `${item} — drag to reorder`}
            data-testid="chip"
            draggable
            onDragStart={(e) => {
              setDragging(index);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onDragEnd={() => setDragging(null)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              if (dragging !== null) onChange(moveItem(items, dragging, index));
              setDragging(null);
            }}
          >
            <span className="chip-text">{item}</span>
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove ${item}`}
              title={`Remove ${item}`}
              onClick={() => onChange(items.filter((_, i) => i !== index))}
            >
              ×
            </button>
          </span>
        );
      })}
      {children}
    </div>
  );
}
