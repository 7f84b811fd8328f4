/**
 * The runs this server started: answered with their id at once, followed through engine events,
 * and cancelled (and waited for) when the server closes, so the engine is disposed cleanly.
 */
import type { Engine, RunHandle } from '../engine.js';
import { errorMessage } from '../execute/error-message.js';
import type { ResolvedPipeline } from '../pipeline/document.js';

export class RunTracker {
  private readonly active = new Map<string, RunHandle>();

  constructor(private readonly engine: Engine) {}

  start(pipeline: ResolvedPipeline, target?: string): string {
    const handle = this.engine.run(pipeline, target === undefined ? {} : { target });
    this.active.set(handle.runId, handle);
    handle.result
      .catch((error: unknown) => process.stderr.write(`millrace serve: run ${handle.runId} failed unexpectedly: ${errorMessage(error)}\n`))
      .finally(() => this.active.delete(handle.runId));
    return handle.runId;
  }

  get running(): number {
    return this.active.size;
  }

  /** Cancel every run still going and wait (up to `timeoutMs`) for them to stop. */
  async stopAll(timeoutMs = 10_000): Promise<void> {
    const results = [...this.active.values()].map((handle) => {
      handle.cancel();
      return handle.result.catch(() => undefined);
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([Promise.all(results), timeout]);
    clearTimeout(timer);
  }
}
