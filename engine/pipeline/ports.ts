/** A node type's ports as the pipeline sees them: parsed params decide a split's outputs; `sql` takes any named input. */
import type { z } from 'zod';
import { outputPorts, type NodeDefinition, type PortSpec } from '../../nodes/node-definition.js';

/** Input names a variadic node (sql) accepts: they become `{{name}}` in its query. */
export const VARIADIC_PORT_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

export type ParsedParams = { ok: true; value: unknown } | { ok: false; error?: z.ZodError; message: string };

export function parseParams(definition: NodeDefinition, raw: Record<string, unknown>): ParsedParams {
  try {
    const result = definition.params.safeParse(raw, { reportInput: true });
    return result.success ? { ok: true, value: result.data } : { ok: false, error: result.error, message: result.error.message };
  } catch (e) {
    // A schema's refinement tripped over a value it did not expect: still the params' fault.
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

export function inputPort(definition: NodeDefinition, port: string): PortSpec | undefined {
  const declared = definition.inputs.find((p) => p.name === port);
  if (declared) return declared;
  return definition.variadicInputs && VARIADIC_PORT_PATTERN.test(port) ? { name: port, type: 'table', optional: true } : undefined;
}

/** The output ports, or undefined when they depend on params that did not parse. */
export function outputsOf(definition: NodeDefinition, params: ParsedParams | undefined): PortSpec[] | undefined {
  if (params?.ok) return outputPorts(definition, params.value);
  return definition.outputsFor ? undefined : definition.outputs;
}
