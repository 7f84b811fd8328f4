/** Training metrics per epoch/step and the model registry: which run and node made a model, and with what. */
import type BetterSqlite3 from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { JsonValue } from '../../nodes/node-definition.js';
import type { ListModelsOptions, MetricInput, MetricRecord, ModelInput, ModelRecord } from './types.js';

interface MetricRow {
  run_id: string;
  node_id: string;
  epoch: number;
  step: number | null;
  name: string;
  value: number | null;
  time: string;
}

interface ModelRow {
  id: string;
  run_id: string;
  node_id: string;
  params: string;
  data_fingerprint: string | null;
  metrics: string;
  artifact_path: string;
  device: string;
  created_at: string;
}

export class TrainingRecords {
  private readonly insertMetric;
  private readonly selectMetrics;
  private readonly insertModel;
  private readonly selectModels;

  constructor(private readonly db: BetterSqlite3.Database) {
    this.insertMetric = db.prepare<[string, string, number, number | null, string, number, string]>(
      'INSERT INTO training_metrics (run_id, node_id, epoch, step, name, value, time) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.selectMetrics = db.prepare<{ run: string; node: string | null }, MetricRow>(
      `SELECT run_id, node_id, epoch, step, name, value, time FROM training_metrics
       WHERE run_id = @run AND (@node IS NULL OR node_id = @node) ORDER BY id`,
    );
    this.insertModel = db.prepare<ModelRow>(
      `INSERT INTO models (id, run_id, node_id, params, data_fingerprint, metrics, artifact_path, device, created_at)
       VALUES (@id, @run_id, @node_id, @params, @data_fingerprint, @metrics, @artifact_path, @device, @created_at)`,
    );
    this.selectModels = db.prepare<{ run: string | null; node: string | null; limit: number }, ModelRow>(
      `SELECT * FROM models WHERE (@run IS NULL OR run_id = @run) AND (@node IS NULL OR node_id = @node)
       ORDER BY created_at DESC, rowid DESC LIMIT @limit`,
    );
  }

  /** Several metrics (one epoch's loss, accuracy, ...) in one transaction. */
  recordMetrics(runId: string, nodeId: string, metrics: MetricInput[], time: string): void {
    this.db.transaction(() => {
      for (const m of metrics) this.insertMetric.run(runId, nodeId, m.epoch, m.step ?? null, m.name, m.value, time);
    })();
  }

  listMetrics(runId: string, nodeId?: string): MetricRecord[] {
    return this.selectMetrics.all({ run: runId, node: nodeId ?? null }).map((row) => ({
      runId: row.run_id,
      nodeId: row.node_id,
      epoch: row.epoch,
      step: row.step,
      name: row.name,
      // SQLite stores NaN (a diverged loss) as NULL; give it back as NaN, the number it was.
      value: row.value ?? Number.NaN,
      time: row.time,
    }));
  }

  registerModel(model: ModelInput, createdAt: string): string {
    const id = randomUUID();
    this.insertModel.run({
      id,
      run_id: model.runId,
      node_id: model.nodeId,
      params: JSON.stringify(model.params),
      data_fingerprint: model.dataFingerprint,
      metrics: JSON.stringify(model.metrics),
      artifact_path: model.artifactPath,
      device: model.device,
      created_at: createdAt,
    });
    return id;
  }

  listModels(options: ListModelsOptions = {}): ModelRecord[] {
    const rows = this.selectModels.all({ run: options.runId ?? null, node: options.nodeId ?? null, limit: options.limit ?? 100 });
    return rows.map((row) => ({
      id: row.id,
      runId: row.run_id,
      nodeId: row.node_id,
      params: JSON.parse(row.params) as Record<string, JsonValue>,
      dataFingerprint: row.data_fingerprint,
      metrics: parseMetrics(row.metrics),
      artifactPath: row.artifact_path,
      device: row.device,
      createdAt: row.created_at,
    }));
  }
}

/** JSON has no NaN: a NaN metric was written as null and comes back as NaN. */
function parseMetrics(text: string): Record<string, number> {
  const parsed = JSON.parse(text) as Record<string, number | null>;
  return Object.fromEntries(Object.entries(parsed).map(([name, value]) => [name, value ?? Number.NaN]));
}
