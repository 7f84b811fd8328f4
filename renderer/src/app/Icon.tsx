/** Small line icons drawn inline (no icon font, nothing fetched). 16px, stroke in the current colour. */
const paths = {
  open: 'M2 4.5h4l1.5 1.5H14v7H2z M2 6.5h12',
  save: 'M3 2.5h8l2.5 2.5v8.5H3z M5.5 2.5v3.5h5v-3.5 M5 13.5v-4h6v4',
  saveAs: 'M3 2.5h7l2.5 2.5v3 M3 2.5v11h5 M5.5 2.5v3h4 M12 10v5 M9.5 12.5h5',
  import: 'M8 2v8 M5 7l3 3 3-3 M2.5 10.5v3h11v-3',
  export: 'M8 10V2 M5 5l3-3 3 3 M2.5 10.5v3h11v-3',
  undo: 'M5.5 4 2.5 7l3 3 M2.5 7h7a3.5 3.5 0 0 1 0 7H7',
  redo: 'M10.5 4l3 3-3 3 M13.5 7h-7a3.5 3.5 0 0 0 0 7H9',
  layout: 'M2 3h4v3H2z M10 2h4v3h-4z M10 11h4v3h-4z M6 4.5h2v-1h2 M8 4.5v8h2',
  fit: 'M2 5.5V2h3.5 M10.5 2H14v3.5 M14 10.5V14h-3.5 M5.5 14H2v-3.5 M5.5 5.5h5v5h-5z',
  play: 'M4.5 2.5v11l9-5.5z',
  playTo: 'M3 2.5v11l7.5-5.5z M12.5 2.5v11',
  stop: 'M3.5 3.5h9v9h-9z',
  history: 'M2.5 8a5.5 5.5 0 1 0 1.6-3.9 M2 2.5v2.5h2.5 M8 5v3.2l2.2 1.3',
  help: 'M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13z M6.2 6.2a1.9 1.9 0 1 1 2.6 1.8c-.5.2-.8.6-.8 1.1v.6 M8 11.3v.4',
  code: 'M5.5 4 1.5 8l4 4 M10.5 4l4 4-4 4',
  graph: 'M1.5 3h4v3h-4z M10.5 10h4v3h-4z M5.5 4.5h2.5v7h2.5',
  plus: 'M8 3v10 M3 8h10',
  close: 'M3.5 3.5l9 9 M12.5 3.5l-9 9',
  trash: 'M2.5 4h11 M6 4V2.5h4V4 M4 4l.7 9.5h6.6L12 4',
  panel: 'M2 2.5h12v11H2z M2 9.5h12',
  search: 'M7 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10z M10.5 10.5 14 14',
  file: 'M4 1.5h5.5L12.5 4.5v10H4z M9.5 1.5v3h3',
  spark: 'M8 1.5v3 M8 11.5v3 M1.5 8h3 M11.5 8h3 M3.4 3.4l2.1 2.1 M10.5 10.5l2.1 2.1 M3.4 12.6l2.1-2.1 M10.5 5.5l2.1-2.1',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, size = 16 }: { name: IconName; size?: number }) {
  const filled = name === 'play' || name === 'stop';
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" fill={filled ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth={1.4} strokeLinecap="round" strokeLinejoin="round">
      <path d={paths[name]} />
    </svg>
  );
}
