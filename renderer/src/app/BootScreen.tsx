/** Shown before the catalogue has loaded, or instead of the app when the engine cannot be reached. */
export function BootScreen({ error }: { error?: string }) {
  return (
    <div className="boot" data-testid={error ? 'boot-error' : 'boot'}>
      {error ? (
        <div className="boot-box">
          <h1>Cannot reach the Millrace engine</h1>
          <p>{error}</p>
          <p className="muted">
            Open the address that <code>millrace serve</code> printed (it carries the session token), or start it again.
          </p>
        </div>
      ) : (
        <div className="boot-box muted">Starting Millrace…</div>
      )}
    </div>
  );
}
