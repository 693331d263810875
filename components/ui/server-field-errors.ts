import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';

/** A server action's field errors: field path → messages (`_form` for the form as a whole). */
export type ServerFieldErrors = Readonly<Record<string, readonly string[]>>;

/**
 * A guard that a server key is a field of this form (no casts), from an object with the
 * form's fields as keys: the form's values (`getValues()`), so the schema itself can stay
 * out of the first load (lazyZodResolver).
 */
export function fieldOf<S extends Record<string, unknown>>(shape: S) {
  return (key: string): key is Extract<keyof S, string> => Object.hasOwn(shape, key);
}

/**
 * Puts a server action's field errors next to their fields (type 'server', all messages
 * joined), in one typed place instead of a hand-written loop per form. Keys the form has
 * no field for are returned as `other` messages, for the form's general error.
 */
export function applyServerFieldErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fieldErrors: ServerFieldErrors | undefined,
  isField: (key: string) => key is FieldPath<T>,
): { fields: FieldPath<T>[]; other: string[] } {
  const fields: FieldPath<T>[] = [];
  const other: string[] = [];
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) {
    if (isField(key)) {
      setError(key, { type: 'server', message: messages.join(' ') });
      fields.push(key);
    } else {
      other.push(...messages);
    }
  }
  return { fields, other };
}
