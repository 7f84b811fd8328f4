/**
 * What a node's param schema declares, read from the zod schema itself: the keys of the object at
 * a param path, in declaration order (for "did you mean" and for the canonical key order).
 */
import { z } from 'zod';

/** The schema under wrappers that do not change the shape (optional, default, pipe, ...). */
function unwrap(schema: z.ZodType): z.ZodType {
  for (let current = schema, guard = 0; guard < 50; guard++) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault || current instanceof z.ZodPrefault || current instanceof z.ZodReadonly || current instanceof z.ZodNonOptional || current instanceof z.ZodCatch) {
      current = current.def.innerType as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.def.in as z.ZodType;
    } else if (current instanceof z.ZodLazy) {
      current = current.def.getter() as z.ZodType;
    } else {
      return current;
    }
  }
  return schema;
}

/** The schemas a value at this path may follow (several under a union). */
function schemasAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType[] {
  let current = [schema];
  for (const segment of path) {
    const next: z.ZodType[] = [];
    for (const candidate of current.map(unwrap)) {
      const options = candidate instanceof z.ZodUnion ? (candidate.def.options as z.ZodType[]).map(unwrap) : [candidate];
      for (const option of options) {
        if (option instanceof z.ZodObject && typeof segment === 'string') {
          const field = (option.shape as Record<string, z.ZodType>)[segment];
          if (field) next.push(field);
        } else if (option instanceof z.ZodRecord) {
          next.push(option.def.valueType as z.ZodType);
        } else if (option instanceof z.ZodArray && typeof segment === 'number') {
          next.push(option.def.element as z.ZodType);
        }
      }
    }
    current = next;
  }
  return current.map(unwrap);
}

/** Keys declared for the object at `path` (all options of a union, in order); [] for maps with free keys. */
export function declaredKeys(schema: z.ZodType, path: readonly PropertyKey[] = []): string[] {
  const keys: string[] = [];
  for (const found of schemasAt(schema, path)) {
    const options = found instanceof z.ZodUnion ? (found.def.options as z.ZodType[]).map(unwrap) : [found];
    for (const option of options) if (option instanceof z.ZodObject) for (const key of Object.keys(option.shape)) if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** Whether the value at `path` is a map whose keys the user chose (derive columns, fractions): their order carries meaning. */
export function isFreeMap(schema: z.ZodType, path: readonly PropertyKey[]): boolean {
  return schemasAt(schema, path).some((s) => s instanceof z.ZodRecord);
}
