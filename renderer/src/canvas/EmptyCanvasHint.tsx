/** What an empty canvas says: how to start, so it is never a blank void. */
export function EmptyCanvasHint() {
  return (
    <div className="canvas-empty" data-testid="canvas-empty">
      <div className="canvas-empty-title">An empty pipeline</div>
      <div>Drag a source such as <strong>Read CSV</strong> from the palette on the left, or double-click it.</div>
      <div className="muted">Then add transforms and connect an output (right side of a card) to an input (left side).</div>
    </div>
  );
}
