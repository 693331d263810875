'use client';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from './primitives';

/**
 * A confirmation dialog on the native <dialog> with showModal(): the rest of the page
 * becomes inert (focus stays inside), Escape closes it, focus returns to the opener,
 * and it is labelled by its title and described by its body.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, tone = 'danger', pending = false, error, onConfirm, onClose }: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** 'primary' for a confirmation that undoes a restriction (e.g. reactivate). */
  tone?: 'danger' | 'primary';
  pending?: boolean;
  /** Shown inside the dialog, e.g. the server's refusal. */
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onClose={onClose}
      onCancel={(e) => {
        // Escape while the request runs would hide its outcome: wait for it.
        if (pending) e.preventDefault();
      }}
      className="m-auto w-full max-w-md rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="p-6">
        <h2 id={`${id}-title`} className="text-lg font-semibold">{title}</h2>
        <div id={`${id}-body`} className="mt-2 text-sm text-slate-700">{children}</div>
        {error && <p role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="confirm-dialog-error">{error}</p>}
        <div className="mt-6 flex justify-end gap-3">
          {/* Cancel gets the initial focus: the safe choice for a destructive action. */}
          <Button variant="secondary" autoFocus onClick={() => ref.current?.close()} disabled={pending}>Cancel</Button>
          <Button variant={tone} onClick={onConfirm} disabled={pending}>{pending ? 'Working…' : confirmLabel}</Button>
        </div>
      </div>
    </dialog>
  );
}
