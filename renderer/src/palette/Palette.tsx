/**
 * The node palette: every node type, grouped by category, with search. Drag an item onto the
 * canvas, or double-click it / press Enter on it to add it in the middle of the view.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { NodeTypeJson } from '../../../nodes/catalogue-json';
import { useApp, useMillrace } from '../app/app-context';
import { Icon } from '../app/Icon';
import { SHORTCUTS } from '../app/shortcuts';
import { useCanvasActions } from '../canvas/use-canvas-actions';
import { PALETTE_MIME } from './palette-drag';
import { paletteGroups } from './palette-search';
import './palette.css';

function PaletteItem({ nodeType, onAdd }: { nodeType: NodeTypeJson; onAdd: (type: string) => void }) {
  return (
    <li
      className={`palette-item cat-${nodeType.category}`}
      tabIndex={0}
      draggable
      role="option"
      aria-selected={false}
      data-testid={`palette-item-${nodeType.type}`}
      title={`${nodeType.description}\n\nDrag onto the canvas, or double-click / Enter to add it in the middle of the view.`}
      onDragStart={(event) => {
        event.dataTransfer.setData(PALETTE_MIME, nodeType.type);
        event.dataTransfer.setData('text/plain', nodeType.type);
        event.dataTransfer.effectAllowed = 'copy';
      }}
      onDoubleClick={() => onAdd(nodeType.type)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          onAdd(nodeType.type);
        }
      }}
    >
      <span className="palette-dot" aria-hidden="true" />
      <span className="palette-item-text">
        <span className="palette-item-label">{nodeType.label}</span>
        <span className="palette-item-type">{nodeType.type}</span>
      </span>
    </li>
  );
}

export function Palette() {
  const { catalogue } = useApp();
  const actions = useCanvasActions();
  const canvasShown = useMillrace((s) => s.centre === 'canvas');
  const [query, setQuery] = useState('');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const search = useRef<HTMLInputElement>(null);
  const groups = useMemo(() => paletteGroups(catalogue, query), [catalogue, query]);
  const count = groups.reduce((n, g) => n + g.types.length, 0);

  // `/` focuses the search from anywhere (not while typing somewhere else).
  useEffect(() => {
    const focusSearch = () => search.current?.focus();
    window.addEventListener('millrace:focus-palette', focusSearch);
    return () => window.removeEventListener('millrace:focus-palette', focusSearch);
  }, []);

  const add = (type: string) => {
    if (!canvasShown) return;
    actions.addNode(type);
  };

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      setQuery('');
      event.currentTarget.blur();
    } else if (event.key === 'Enter' && count > 0) {
      const first = groups[0]?.types[0];
      if (first) add(first.type);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      document.querySelector<HTMLElement>('.palette-item')?.focus();
    }
  };

  return (
    <aside className="palette" aria-label="Node palette" data-testid="palette">
      <div className="palette-search">
        <Icon name="search" size={14} />
        <input
          ref={search}
          type="search"
          placeholder={`Search nodes (${SHORTCUTS.search})`}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onSearchKey}
          aria-label="Search node types"
          data-testid="palette-search"
        />
      </div>
      <div className="palette-list" role="listbox" aria-label="Node types">
        {groups.map((group) => {
          const closed = collapsed.has(group.category) && query === '';
          return (
            <section key={group.category} className="palette-group" data-testid={`palette-group-${group.category}`}>
              <button
                type="button"
                className={`palette-group-head cat-${group.category}`}
                aria-expanded={!closed}
                onClick={() =>
                  setCollapsed((old) => {
                    const next = new Set(old);
                    if (next.has(group.category)) next.delete(group.category);
                    else next.add(group.category);
                    return next;
                  })
                }
              >
                <span className={`palette-caret${closed ? ' closed' : ''}`} aria-hidden="true">▾</span>
                {group.label}
                <span className="palette-count">{group.types.length}</span>
              </button>
              {!closed && (
                <ul>
                  {group.types.map((t) => (
                    <PaletteItem key={t.type} nodeType={t} onAdd={add} />
                  ))}
                </ul>
              )}
            </section>
          );
        })}
        {count === 0 && <div className="palette-none">No node type matches “{query}”.</div>}
      </div>
    </aside>
  );
}
