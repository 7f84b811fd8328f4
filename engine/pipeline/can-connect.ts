/**
 * Whether the canvas may draw a connection from an output port to an input port: the same rules
 * resolvePipeline enforces, asked before the edit instead of after it. The rules live in
 * engine/contract/connection-rules.ts so the canvas applies exactly these with its catalogue JSON.
 */
import type { Catalogue } from '../../nodes/catalogue.js';
import { checkConnection, type ConnectResult, type PortLookup, type PortRef } from '../contract/connection-rules.js';
import type { PipelineDocument } from './document.js';
import { inputPort, outputsOf, parseParams } from './ports.js';

export type { ConnectRefusal, ConnectResult, PortRef } from '../contract/connection-rules.js';

export function canConnect(document: PipelineDocument, catalogue: Catalogue, from: PortRef, to: PortRef): ConnectResult {
  const definitionOf = (id: string) => {
    const node = document.nodes.find((n) => n.id === id);
    return node ? { node, def: catalogue.get(node.type) } : undefined;
  };
  const lookup: PortLookup = {
    typeOf: (id) => (definitionOf(id)?.def ? definitionOf(id)!.node.type : undefined),
    outputs(id) {
      const found = definitionOf(id);
      if (!found?.def) return undefined;
      // Params that do not parse leave a split's outputs unknown: fall back to its declared ones.
      return outputsOf(found.def, parseParams(found.def, found.node.params)) ?? found.def.outputs;
    },
    input(id, port) {
      const found = definitionOf(id);
      return found?.def ? inputPort(found.def, port) : undefined;
    },
  };
  return checkConnection(document, lookup, from, to);
}
