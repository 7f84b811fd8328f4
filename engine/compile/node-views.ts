/**
 * A table node's outputs as temporary views (`v_<output key>`) on its context's connection:
 * nothing is computed until something reads them. Previews and fused runs both compose steps
 * this way (temp views belong to one connection, so they are made where they are read).
 */
import type { TableNodeDefinition } from '../../nodes/node-definition.js';
import type { ResolvedNode } from '../pipeline/document.js';
import { ident } from '../sql/quote.js';
import { createBuildContext, type ContextOptions } from './node-context.js';

/** `outputs`: port → output key. Returns port → view name. */
export async function createNodeViews(def: TableNodeDefinition, options: ContextOptions<unknown>, outputs: [port: string, key: string][]): Promise<Map<string, string>> {
  const built = await def.build(createBuildContext(options));
  const views = new Map<string, string>();
  for (const [port, key] of outputs) {
    const sql = built[port];
    if (sql === undefined) throw new Error(`Node type ${def.type} produced no output for port "${port}".`);
    const view = ident(`v_${key}`);
    await options.connection.execute(`CREATE OR REPLACE TEMP VIEW ${view} AS ${sql}`);
    views.set(port, view);
  }
  return views;
}

/**
 * Whether a view of this node's output computes a costly step (definition `costly`: a sort, a
 * window, a join…), itself or through `costly`, the views (by `node.port`) already known to.
 * Such a view, read twice by a step that fits statistics, is worth storing once.
 */
export function viewIsCostly(def: TableNodeDefinition, inputs: ResolvedNode['inputs'], costly: ReadonlySet<string>): boolean {
  return def.costly === true || Object.values(inputs).some((i) => costly.has(`${i.node}.${i.port}`));
}
