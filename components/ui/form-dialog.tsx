'use client';
import type { FormEvent, ReactNode } from 'react';
import { buttonClass } from './button-class';
import { closeDialog, Dialog, DialogTitle } from './dialog';
import { Button } from './primitives';

/** A small form on the one Dialog primitive (centred, focus trapped, Escape closes, focus returns). */
export function FormDialog({
  open,
  title,
  children,
  submitLabel,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  submitLabel: string;
  pending: boolean;
  error?: string | null;
  onSubmit: (e: FormEvent) => void;
  onClose: () => void;
}) {
  return (
    <Dialog open={open} busy={pending} onClose={onClose} size="lg">
      {(ids) => (
        <form noValidate onSubmit={onSubmit} className="p-6">
          <DialogTitle id={ids.title}>{title}</DialogTitle>
          <div className="mt-4 space-y-3">{children}</div>
          {error && (
            <p role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              {error}
            </p>
          )}
          <div className="mt-6 flex justify-end gap-3">
            <Button variant="secondary" onClick={closeDialog} disabled={pending}>
              Cancel
            </Button>
            <button type="submit" className={buttonClass('primary')} disabled={pending}>
              {pending ? 'Saving…' : submitLabel}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
