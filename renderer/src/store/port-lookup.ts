/**
 * Ports of the nodes on the canvas, for the connection rules and the node cards: from the catalogue
 * JSON, except where the last validation knows better (split's outputs depend on its params).
 */
import type { ValidateResponse } from '../../../engine/contract/api';
import type { PortLookup } from '../../../engine/contract/connection-rules';
import type { PipelineDocument } from '../../../engine/pipeline/document';
import type { NodeTypeJson } from '../../../nodes/catalogue-json';

export type ValidatedPorts = ValidateResponse['ports'];
export type PortSpec = NodeTypeJson['inputs'][number];
type PortType = PortSpec['type'];

/** Same rule as the engine's variadic port names (engine/pipeline/ports.ts). */
export const VARIADIC_PORT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const asPortType = (type: string): PortType => (type === 'model' ? 'model' : 'table');

export function outputPortsOf(nodeId: string, nodeType: NodeTypeJson | undefined, validated: ValidatedPorts | undefined): PortSpec[] {
  const known = validated?.[nodeId]?.outputs;
  if (nodeType?.dynamicOutputs && known && known.length > 0) return known.map((p) => ({ name: p.name, type: asPortType(p.type) }));
  return nodeType?.outputs ?? [];
}

export function inputPortOf(nodeType: NodeTypeJson | undefined, port: string): PortSpec | undefined {
  if (!nodeType) return undefined;
  if (nodeType.variadicInputs) return VARIADIC_PORT_NAME.test(port) ? { name: port, type: 'table' } : undefined;
  return nodeType.inputs.find((p) => p.name === port);
}

export function createPortLookup(document: PipelineDocument, nodeTypes: ReadonlyMap<string, NodeTypeJson>, validated?: ValidatedPorts): PortLookup {
  const typeOfNode = (id: string): NodeTypeJson | undefined => {
    const node = document.nodes.find((n) => n.id === id);
    return node ? nodeTypes.get(node.type) : undefined;
  };
  return {
    typeOf: (id) => typeOfNode(id)?.type,
    outputs: (id) => {
      const t = typeOfNode(id);
      return t ? outputPortsOf(id, t, validated) : undefined;
    },
    input: (id, port) => inputPortOf(typeOfNode(id), port),
  };
}

/** The next free name for a variadic input: in1, in2, … */
export function nextVariadicPort(inputs: Record<string, string>): string {
  for (let n = 1; ; n++) if (!(`in${n}` in inputs)) return `in${n}`;
}
