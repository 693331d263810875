// Reading the generated OpenAPI document without `any`: the page walks `unknown` values
// and a missing or mistyped part renders as empty instead of throwing mid-render.

export type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path` below `value`, or undefined where a step is not an object. */
export function at(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** The object at `path`, or an empty one. */
export function objectAt(value: unknown, ...path: string[]): JsonObject {
  const found = at(value, ...path);
  return isObject(found) ? found : {};
}

/** The entries of the object at `path` (none when it is missing). */
export function entriesAt(value: unknown, ...path: string[]): [string, unknown][] {
  return Object.entries(objectAt(value, ...path));
}

/** The array at `path`, or an empty one. */
export function arrayAt(value: unknown, ...path: string[]): unknown[] {
  const found = at(value, ...path);
  return Array.isArray(found) ? found : [];
}

/** The text at `path` (numbers as digits), or undefined. */
export function textAt(value: unknown, ...path: string[]): string | undefined {
  const found = at(value, ...path);
  if (typeof found === 'string') return found;
  if (typeof found === 'number') return String(found);
  return undefined;
}
