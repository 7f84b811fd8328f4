/**
 * Case 1: the first 100 rows of step 10 (`features`), cold cache — Millrace's preview against the
 * hand-written query with LIMIT 100 on raw DuckDB. Each repetition starts a fresh engine on an
 * empty cache and a fresh DuckDB; only the preview call and the query are timed.
 */
import { measurement } from '../bench-types.js';
import type { BenchCase } from '../bench-context.js';
import { clearState, createBenchProject, withColdEngine } from '../bench-project.js';
import { compareCase, timeMs } from '../case-result.js';
import { handQuery, handQueryLimit } from '../hand-query.js';
import { readAll, withColdReference } from '../reference-duckdb.js';

export const PREVIEW_NODE = 'features';
/** Clicked next, in the same engine: the step before, as a user walks back up the pipeline. */
const NEXT_NODE = 'encoded';
const LIMIT = 100;

export const previewCase: BenchCase = {
  id: 'preview',
  title: 'Preview: first 100 rows of step 10, cold cache',
  async run({ options, dataset, settings, workDir }) {
    const project = createBenchProject(workDir, 'preview', dataset);
    const query = handQueryLimit(handQuery({ events: dataset.eventsParquet, stores: dataset.storesParquet }), LIMIT);
    const ours: number[] = [];
    const next: number[] = [];
    const reference: number[] = [];
    for (let rep = 0; rep < options.reps; rep++) {
      await withColdEngine(project, settings, async ({ engine, pipeline }) => {
        const previewOf = (node: string) =>
          timeMs(async () => {
            const preview = await engine.preview(pipeline, node, { limit: LIMIT });
            if (preview.rows.length === 0) throw new Error(`The preview of ${node} returned no rows.`);
          });
        ours.push(await previewOf(PREVIEW_NODE));
        next.push(await previewOf(NEXT_NODE));
      });
      reference.push(await withColdReference(settings, workDir, (connection) => timeMs(() => readAll(connection, query))));
    }
    clearState(project);
    const hand = measurement('hand query LIMIT 100 (DuckDB)', 'ms', reference);
    const following = measurement(`Millrace preview of ${NEXT_NODE}`, 'ms', next);
    return [
      compareCase({ id: 'preview', title: this.title, ours: measurement('Millrace preview', 'ms', ours), reference: hand, target: { ratio: 1.2 }, paired: true }),
      {
        id: 'preview-next',
        title: `Preview: then the first 100 rows of "${NEXT_NODE}" (step 8), same engine`,
        ours: following,
        reference: hand,
        ratio: following.median / hand.median,
        target: 'informative',
        note: 'What a user sees clicking a second node: the costly input of the steps that read theirs twice (fill_missing, one_hot) was kept in memory by the first preview.',
      },
    ];
  },
};
