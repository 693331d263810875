import type { Editability } from '@/lib/customer-view/editability';

/**
 * The one-line note of a customer-view section saying whether the viewer may change it
 * (amber when read only). Its test ID is `${id}-editability`.
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
  return (
    <p data-testid={`${id}-editability`} className={`${className} text-sm ${e.editable ? 'text-slate-600' : 'text-amber-800'}`.trim()}>
      {e.note}
    </p>
  );
}
