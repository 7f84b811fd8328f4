/** The Training tab of a `train` node: loss and validation-metric curves, live while it trains, else from its history. */
import { formatCount, formatNumber } from './format';
import { LineChart } from './LineChart';
import { ErrorMessage, PanelHint } from './PanelMessage';
import type { NodeLog } from './run-log';
import type { TrainingSeries } from './training-series';
import type { HistoryState } from './use-training-history';

export interface TrainingTabProps {
  live: TrainingSeries | undefined;
  history: HistoryState;
  nodeId: string;
  onRunToHere?: (nodeId: string) => void;
  lastRun?: NodeLog | null;
}

export function TrainingTab({ live, history, nodeId, onRunToHere, lastRun }: TrainingTabProps) {
  const series = live ?? (history.status === 'done' ? history.series : undefined);
  if (!series) {
    if (history.status === 'error') {
      return (
        <div className="dp-tab-body dp-scroll">
          <ErrorMessage error={history.error} nodeId={nodeId} onRunToHere={onRunToHere} lastRun={lastRun} />
        </div>
      );
    }
    return <PanelHint>Loading the training history…</PanelHint>;
  }
  if (series.points.length === 0) return <PanelHint>No epochs recorded yet.</PanelHint>;

  const last = series.points[series.points.length - 1]!;
  const metric = series.metricName;
  const training = live !== undefined && !live.finished;
  const facts = [
    training ? `Training: epoch ${last.epoch}${series.epochs ? ` of ${series.epochs}` : ''}` : `${series.points.length} epochs`,
    series.device ? `on ${series.device}` : null,
    live?.samplesPerSecond ? `${formatCount(Math.round(live.samplesPerSecond))} samples/s` : null,
    last.loss !== null ? `final loss ${formatNumber(last.loss)}` : null,
    metric && last.valMetric !== null ? `validation ${metric.replace(/_/g, ' ')} ${formatNumber(last.valMetric)}` : null,
  ].filter((f): f is string => f !== null);

  return (
    <div className="dp-tab-body dp-scroll dp-training">
      <div className={training ? 'dp-training-facts dp-live' : 'dp-training-facts'} data-testid="training-facts">
        {facts.join(' · ')}
      </div>
      <LineChart
        title="Loss"
        includeZero
        series={[
          { name: 'train', className: 'dp-line-train', points: series.points.map((p) => ({ x: p.epoch, y: p.loss })) },
          ...(series.points.some((p) => p.valLoss !== null)
            ? [{ name: 'validation', className: 'dp-line-valid', points: series.points.map((p) => ({ x: p.epoch, y: p.valLoss })) }]
            : []),
        ]}
      />
      {metric && series.points.some((p) => p.valMetric !== null) && (
        <LineChart title={`Validation ${metric.replace(/_/g, ' ')}`} series={[{ name: metric, className: 'dp-line-metric', points: series.points.map((p) => ({ x: p.epoch, y: p.valMetric })) }]} />
      )}
    </div>
  );
}
