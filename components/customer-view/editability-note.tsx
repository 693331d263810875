import type { Editability } from '@/lib/customer-view/editability';

/**
 * The one-line note of a customer-view section saying why the viewer may not change it
 * (nothing when they may). Its test ID is `${id}-editability`.
 */
export function EditabilityNote({
  editability: e,
  id,
  className = 'mb-3',
}: {
  editability: Editability;
  id: string;
  /** Spacing classes; by default a bottom margin above the content it describes. */
  className?: string;
}) {
  // Editable needs no line: the form or control says so, and where there is none, "You can
  // change this." promised something the screen did not hold (issue 17.8).
  if (e.editable) return null;
  return (
    <p data-testid={`${id}-editability`} className={`${className} text-sm text-amber-800`.trim()}>
      {e.note}
    </p>
  );
}
