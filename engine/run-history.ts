/**
 * Run history hangs off the engine's event stream, not off the runner's code: this listener
 * turns run and node events into rows in the run store.
 */
import type { EngineEvent, EngineEventListener } from './contract/events.js';
import type { JsonValue } from '../nodes/node-definition.js';
import type { RunStore } from './run-store/run-store.js';

export function recordRunHistory(store: RunStore): EngineEventListener {
  const started = new Map<string, Set<string>>();
  return (event: EngineEvent) => {
    switch (event.type) {
      case 'run-started': {
        store.startRun({ id: event.runId, pipelineName: event.pipeline, file: event.file ?? event.pipeline, target: event.target ?? null });
        started.set(event.runId, new Set());
        store.recordNodes(
          event.runId,
          event.nodes.map((n) => ({ nodeId: n.nodeId, nodeType: n.nodeType, status: 'pending' as const, fingerprint: n.fingerprint })),
        );
        return;
      }
      case 'node-status': {
        const { node, runId } = event;
        const running = started.get(runId) ?? new Set<string>();
        if (node.status === 'pending') return;
        // A node that never started is recorded as placed; one that started (a fused step whose
        // consumer was then served from the cache or skipped) is finished with that status.
        if ((node.status === 'cached' || node.status === 'skipped') && !running.has(node.nodeId)) {
          store.recordNodes(runId, [{ nodeId: node.nodeId, nodeType: node.nodeType, status: node.status, reason: node.reason, rows: node.rows ?? null, columns: node.columns ?? null }]);
          return;
        }
        if (node.status === 'running' || !running.has(node.nodeId)) {
          store.startNode(runId, { nodeId: node.nodeId, nodeType: node.nodeType, fingerprint: null, reason: node.reason });
          running.add(node.nodeId);
        }
        if (node.status === 'running') return;
        store.finishNode(runId, node.nodeId, {
          status: node.status,
          cacheHit: node.status === 'cached',
          durationMs: node.durationMs ?? 0,
          rows: node.rows ?? null,
          columns: node.columns ?? null,
          error: node.error ?? null,
          ...(node.status === 'skipped' || node.status === 'cached' ? { reason: node.reason } : {}),
        });
        return;
      }
      case 'log':
        store.log(event.runId, event.nodeId ?? null, event.level, event.message);
        return;
      case 'quality':
        store.recordQuality(event.runId, event.nodeId, event.report.results);
        return;
      case 'training-progress': {
        const { progress } = event;
        const metrics = [{ epoch: progress.epoch, name: 'loss', value: progress.loss }];
        if (progress.valLoss !== null) metrics.push({ epoch: progress.epoch, name: 'val_loss', value: progress.valLoss });
        if (progress.valMetric) metrics.push({ epoch: progress.epoch, name: `val_${progress.valMetric.name}`, value: progress.valMetric.value });
        metrics.push({ epoch: progress.epoch, name: 'samples_per_s', value: progress.samplesPerSecond });
        store.recordMetrics(event.runId, event.nodeId, metrics);
        return;
      }
      case 'model-registered':
        store.registerModel({
          runId: event.runId,
          nodeId: event.nodeId,
          params: JSON.parse(JSON.stringify(event.params ?? {})) as Record<string, JsonValue>,
          dataFingerprint: event.dataFingerprint,
          metrics: Object.fromEntries(Object.entries(event.metrics).filter((e): e is [string, number] => typeof e[1] === 'number')),
          artifactPath: event.artifactDir,
          device: event.device,
        });
        return;
      case 'run-finished':
        store.finishRun(event.summary.runId, event.summary.status === 'running' ? 'interrupted' : event.summary.status, event.summary.error ?? null);
        started.delete(event.summary.runId);
        return;
      default:
        return;
    }
  };
}
