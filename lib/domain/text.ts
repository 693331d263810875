// One rule for control characters in user text (issue 10, item 10). No field of the
// product takes multi-line text, so every C0 control (NUL, tab, CR, LF, …), DEL and the
// C1 controls are refused in every input and never matched by a search. NUL matters
// most: PostgreSQL refuses it in text (22021), which surfaced as "Something went wrong".

/** C0 controls, DEL and C1 controls. */
// oxlint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

export const CONTROL_CHARACTER_MESSAGE = 'Remove the control characters (such as NUL or a line break) from this field.';

export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value);
}

function isPlainContainer(v: unknown): v is Record<string, unknown> | unknown[] {
  if (Array.isArray(v)) return true;
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Every path (as zod joins it: "address.city", "users.0.email", '_form' for a bare string)
 * whose string value — or object key — holds a control character. Walks plain objects and
 * arrays only (a File or Blob is not text); depth-capped so a hostile body can't recurse forever.
 */
export function controlCharacterPaths(value: unknown, maxDepth = 20): string[] {
  const found: string[] = [];
  const walk = (v: unknown, path: string[], depth: number) => {
    if (typeof v === 'string') {
      if (hasControlCharacters(v)) found.push(path.join('.') || '_form');
      return;
    }
    if (depth >= maxDepth || !isPlainContainer(v)) return;
    for (const [k, child] of Object.entries(v)) {
      if (hasControlCharacters(k)) found.push([...path].join('.') || '_form');
      else walk(child, [...path, k], depth + 1);
    }
  };
  walk(value, [], 0);
  return [...new Set(found)];
}
