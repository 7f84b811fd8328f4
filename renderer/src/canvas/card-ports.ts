/**
 * The handles a node card shows: one per port, inputs left and outputs right. A variadic node
 * (sql) shows its connected inputs plus one empty "+" input that creates the next port (in1, in2…).
 */
import type { PipelineNode } from '../../../engine/pipeline/document';
import type { NodeTypeJson } from '../../../nodes/catalogue-json';
import { nextVariadicPort, outputPortsOf, type ValidatedPorts } from '../store/port-lookup';

export interface CardPort {
  name: string;
  type: 'table' | 'model';
  optional: boolean;
  description?: string;
  /** The empty input of a variadic node: connecting to it creates the port. */
  add?: boolean;
}

export interface CardPorts {
  inputs: CardPort[];
  outputs: CardPort[];
  /** Port names are shown when a side has more than one port (or ports can be added). */
  showNames: boolean;
}

export function cardPorts(node: PipelineNode, nodeType: NodeTypeJson | undefined, validated: ValidatedPorts | undefined): CardPorts {
  if (!nodeType) {
    // Unknown type: still show the connections it has, so the graph stays readable.
    const inputs = Object.keys(node.inputs).map((name) => ({ name, type: 'table' as const, optional: false }));
    return { inputs, outputs: [{ name: 'out', type: 'table', optional: false }], showNames: inputs.length > 1 };
  }
  let inputs: CardPort[];
  if (nodeType.variadicInputs) {
    inputs = Object.keys(node.inputs).map((name) => ({ name, type: 'table', optional: false }));
    inputs.push({ name: nextVariadicPort(node.inputs), type: 'table', optional: true, add: true });
  } else {
    inputs = nodeType.inputs.map((p) => ({ name: p.name, type: p.type, optional: p.optional === true, description: p.description }));
  }
  const outputs = outputPortsOf(node.id, nodeType, validated).map((p) => ({ name: p.name, type: p.type, optional: false, description: p.description }));
  return { inputs, outputs, showNames: nodeType.variadicInputs || inputs.length > 1 || outputs.length > 1 };
}
