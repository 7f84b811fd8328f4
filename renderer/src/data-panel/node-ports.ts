/**
 * Which table outputs the panel can show for a node: a port switcher appears when there are
 * several (split: train/test; evaluate: out/confusion). Sinks show their input, so none.
 */
import type { NodeTypeJson } from '../../../nodes/catalogue-json';

export interface PortChoice {
  name: string;
  label: string;
}

/**
 * The node's table outputs. `resolved` (from validate) wins for node types whose outputs depend
 * on their params; otherwise the catalogue's list.
 */
export function tableOutputs(nodeType: NodeTypeJson | undefined, resolved?: { name: string; type: string }[]): PortChoice[] {
  if (!nodeType || nodeType.kind === 'sink') return [];
  const ports = nodeType.dynamicOutputs && resolved ? resolved : nodeType.outputs;
  return ports.filter((p) => p.type === 'table').map((p) => ({ name: p.name, label: 'label' in p && typeof p.label === 'string' ? p.label : p.name }));
}

/** The port shown first: the one the user picked if it still exists, else `out`, else the first. */
export function defaultPort(ports: PortChoice[], picked: string | undefined): string | undefined {
  if (picked !== undefined && ports.some((p) => p.name === picked)) return picked;
  return ports.find((p) => p.name === 'out')?.name ?? ports[0]?.name;
}
