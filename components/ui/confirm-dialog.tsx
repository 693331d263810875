'use client';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button, buttonClass } from './primitives';

/**
 * A modal confirmation on the native <dialog>: showModal() traps focus and makes the
 * page inert; focus starts on Cancel (the safe choice for destructive actions); Escape
 * cancels; title and body label and describe it; the browser returns focus to the
 * trigger when it closes.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, pending = false, onConfirm, onCancel }: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pending?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      // Escape: let React state drive closing, so the parent stays the source of truth.
      onCancel={(e) => {
        e.preventDefault();
        if (!pending) onCancel();
      }}
      className="m-auto w-full max-w-md rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="p-6">
        <h2 id={titleId} className="text-lg font-semibold">{title}</h2>
        <div id={bodyId} className="mt-2 text-sm text-slate-700">{children}</div>
        <div className="mt-6 flex justify-end gap-3">
          <button ref={cancelRef} type="button" className={buttonClass('secondary')} onClick={onCancel} disabled={pending}>Cancel</button>
          <Button variant="danger" onClick={onConfirm} disabled={pending}>{pending ? 'Working…' : confirmLabel}</Button>
        </div>
      </div>
    </dialog>
  );
}
