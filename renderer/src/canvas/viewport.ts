/**
 * Where to look when a pipeline opens. Fitting a wide pipeline into the pane can shrink cards
 * until nothing is readable; below a readable zoom, show the sources end at that zoom instead.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const READABLE_ZOOM = 0.7;
const PADDING = 0.15;
const MARGIN = 32;

/** A viewport starting at the left of the pipeline, or undefined when fitting it whole stays readable. */
export function readableViewport(bounds: Rect, pane: { width: number; height: number }): { x: number; y: number; zoom: number } | undefined {
  const fitZoom = Math.min(pane.width / (bounds.width * (1 + 2 * PADDING)), pane.height / (bounds.height * (1 + 2 * PADDING)));
  if (fitZoom >= READABLE_ZOOM) return undefined;
  const zoom = READABLE_ZOOM;
  const x = MARGIN - bounds.x * zoom;
  const tall = bounds.height * zoom > pane.height - 2 * MARGIN;
  const y = tall ? MARGIN - bounds.y * zoom : pane.height / 2 - (bounds.y + bounds.height / 2) * zoom;
  return { x, y, zoom };
}
