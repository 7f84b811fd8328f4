/**
 * The catalogue as plain JSON (ports, params as JSON Schema, labels, categories): what the UI's
 * palette and inspector are built from, and what `GET /api/node-types` will serve.
 */
import { z } from 'zod';
import type { Catalogue } from './catalogue.js';
import type { NodeCategory, PortSpec } from './node-definition.js';

export interface NodeTypeJson {
  type: string;
  version: number;
  kind: 'table' | 'sink' | 'worker';
  category: NodeCategory;
  label: string;
  description: string;
  aliases: string[];
  inputs: PortSpec[];
  outputs: PortSpec[];
  /** Output ports depend on params (split: one per fraction). */
  dynamicOutputs: boolean;
  /** Takes any number of named table inputs (sql). */
  variadicInputs: boolean;
  /** JSON Schema (draft 2020-12) of the params, as written in YAML (defaults shown, optional fields optional). */
  params: Record<string, unknown>;
  example?: Record<string, unknown>;
}

export interface CatalogueJson {
  formatVersion: 1;
  categories: { id: NodeCategory; label: string }[];
  nodeTypes: NodeTypeJson[];
}

export const CATEGORY_LABELS: Record<NodeCategory, string> = {
  source: 'Sources',
  transform: 'Transforms',
  quality: 'Data quality',
  ml: 'Machine learning',
  sink: 'Sinks',
};

export function paramsJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

export function catalogueToJson(catalogue: Catalogue): CatalogueJson {
  const nodeTypes = catalogue.all().map((def) => ({
    type: def.type,
    version: def.version,
    kind: def.kind,
    category: def.category,
    label: def.label,
    description: def.description,
    aliases: def.aliases ?? [],
    inputs: def.inputs,
    outputs: def.outputs,
    dynamicOutputs: def.outputsFor !== undefined,
    variadicInputs: def.variadicInputs === true,
    params: paramsJsonSchema(def.params),
    ...(def.example ? { example: def.example } : {}),
  }));
  const used = new Set(nodeTypes.map((n) => n.category));
  const categories = (Object.keys(CATEGORY_LABELS) as NodeCategory[]).filter((c) => used.has(c)).map((id) => ({ id, label: CATEGORY_LABELS[id] }));
  return { formatVersion: 1, categories, nodeTypes };
}
