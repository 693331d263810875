'use client';
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { Button, buttonClass } from '@/components/ui/primitives';

/** A small form in a native modal <dialog> (focus trapped, Escape closes, focus returns). */
export function FormDialog({ open, title, children, submitLabel, pending, error, onSubmit, onClose }: {
  open: boolean; title: string; children: ReactNode; submitLabel: string; pending: boolean; error?: string | null;
  onSubmit: (e: FormEvent) => void; onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby={`${id}-title`} onClose={onClose} onCancel={(e) => pending && e.preventDefault()}
      className="w-full max-w-lg rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40">
      <form noValidate onSubmit={onSubmit} className="p-6">
        <h2 id={`${id}-title`} className="text-lg font-semibold">{title}</h2>
        <div className="mt-4 space-y-3">{children}</div>
        {error && <p role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>}
        <div className="mt-6 flex justify-end gap-3">
          <Button variant="secondary" onClick={() => ref.current?.close()} disabled={pending}>Cancel</Button>
          <button type="submit" className={buttonClass('primary')} disabled={pending}>{pending ? 'Saving…' : submitLabel}</button>
        </div>
      </form>
    </dialog>
  );
}
