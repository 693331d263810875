'use client';
import { useEffect, useId, useRef, type MouseEvent, type ReactNode } from 'react';
import { cn } from './cn';

/**
 * The one modal dialog: the native <dialog> opened with showModal(), so the page behind is
 * inert (focus stays inside), Escape closes it and focus returns to the opener. Always
 * centred in the viewport (Tailwind's reset removes the UA's auto margin, hence `m-auto`),
 * labelled by its title and, when given, described by its description.
 * While `busy`, Escape is ignored so the outcome of a running request is never hidden.
 */
export function Dialog({
  open,
  description,
  busy = false,
  onClose,
  size = 'md',
  testId,
  children,
}: {
  open: boolean;
  /** Whether the content has a description (rendered with `ids.description`). */
  description?: boolean;
  busy?: boolean;
  onClose: () => void;
  size?: 'md' | 'lg';
  testId?: string;
  /** Receives the ids that label and describe the dialog. */
  children: (ids: { title: string; description: string }) => ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const ids = { title: `${id}-title`, description: `${id}-desc` };

  return (
    <dialog
      ref={ref}
      aria-labelledby={ids.title}
      aria-describedby={description ? ids.description : undefined}
      data-testid={testId}
      onClose={onClose}
      onCancel={(e) => {
        if (busy) e.preventDefault();
      }}
      className={cn(
        'fixed inset-0 m-auto max-h-[calc(100dvh-2rem)] w-[calc(100%-2rem)] overflow-y-auto rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40',
        size === 'md' ? 'max-w-md' : 'max-w-lg',
      )}
    >
      {open && children(ids)}
    </dialog>
  );
}

/** The dialog's title, tied to it by id. */
export function DialogTitle({ id, children }: { id: string; children: ReactNode }) {
  return (
    <h2 id={id} className="text-lg font-semibold">
      {children}
    </h2>
  );
}

/** For a Cancel button: closes the dialog it sits in (which then runs its onClose once). */
export function closeDialog(e: MouseEvent<HTMLElement>) {
  e.currentTarget.closest('dialog')?.close();
}
