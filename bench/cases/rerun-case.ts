/**
 * Case 4: re-run after changing only the last node's params (step 10, `features`: the high-value
 * threshold) against the cold run before it, in the same engine. Only `features` and the sink
 * should recompute; everything upstream comes from the cache.
 */
import { measurement } from '../bench-types.js';
import type { BenchCase } from '../bench-context.js';
import { clearState, createBenchProject, runToCompletion, withColdEngine } from '../bench-project.js';
import { compareCase, timed, timeMs } from '../case-result.js';
import type { Engine } from '../../engine/engine.js';
import type { RunSummary } from '../../engine/contract/events.js';
import type { ResolvedPipeline } from '../../engine/pipeline/document.js';

const LAST_NODE = 'features';

/** The pipeline with `features`' high_value threshold changed (a different one per repetition). */
export function withChangedLastNode(engine: Engine, pipeline: ResolvedPipeline, threshold: number): ResolvedPipeline {
  const document = structuredClone(pipeline.document);
  const node = document.nodes.find((n) => n.id === LAST_NODE);
  const columns = node?.params.columns as Record<string, string> | undefined;
  if (!columns?.high_value) throw new Error(`bench/pipeline.yaml has no ${LAST_NODE}.high_value to change.`);
  columns.high_value = `CASE WHEN revenue > ${threshold} THEN 1 ELSE 0 END`;
  const resolved = engine.resolve(document, { file: pipeline.file });
  if (!resolved.pipeline) throw new Error(`The changed pipeline does not resolve: ${resolved.issues.map((i) => i.message).join('; ')}`);
  return resolved.pipeline;
}

export const rerunCase: BenchCase = {
  id: 'rerun',
  title: "Re-run after changing only the last node's params vs the cold run",
  async run({ options, dataset, settings, workDir }) {
    const project = createBenchProject(workDir, 'rerun', dataset);
    const cold: number[] = [];
    const rerun: number[] = [];
    const again: number[] = [];
    let recomputed: string[] = [];
    let recomputedAgain: string[] = [];
    let nodeCount = 0;
    for (let rep = 0; rep < options.reps; rep++) {
      await withColdEngine(project, settings, async ({ engine, pipeline }) => {
        cold.push(await timeMs(() => runToCompletion(engine, pipeline)));
        /** Time a run of the pipeline with `features` changed; returns the nodes it computed. */
        const timedEdit = async (threshold: number, times: number[]): Promise<RunSummary> => {
          const edited = withChangedLastNode(engine, pipeline, threshold);
          const { ms, value } = await timed(() => runToCompletion(engine, edited));
          times.push(ms);
          return value;
        };
        const first = await timedEdit(200 + rep, rerun);
        nodeCount = first.nodes.length;
        recomputed = first.nodes.filter((n) => n.status === 'done').map((n) => n.nodeId);
        // A second edit of the same step: what iterating on it costs once the engine has seen the pattern.
        const second = await timedEdit(100 + rep, again);
        recomputedAgain = second.nodes.filter((n) => n.status === 'done').map((n) => n.nodeId);
      });
    }
    clearState(project);
    return [
      compareCase({
        id: 'rerun-vs-cold',
        title: this.title,
        ours: measurement('Millrace re-run (step 10 changed)', 'ms', rerun),
        reference: measurement('Millrace cold run', 'ms', cold),
        target: { ratio: 0.1 },
        paired: true,
        note: `The re-run computed ${recomputed.length} of ${nodeCount} nodes (${recomputed.join(', ')}); ideally only ${LAST_NODE} and the sink.`,
      }),
      compareCase({
        id: 'rerun-again',
        title: 'A second edit of the same step, re-run, vs the cold run',
        ours: measurement('Millrace second re-run', 'ms', again),
        reference: measurement('Millrace cold run', 'ms', cold),
        target: { ratio: 0.1 },
        paired: true,
        note: `Computed ${recomputedAgain.length} of ${nodeCount} nodes (${recomputedAgain.join(', ')}): the first re-run kept the step before ${LAST_NODE} in the cache, as it was computed again unchanged.`,
      }),
    ];
  },
};
