'use client';
import type { ReactNode } from 'react';
import { closeDialog, Dialog, DialogTitle } from './dialog';
import { Button } from './primitives';

/** A confirmation on the one Dialog primitive: Cancel gets the initial focus, the safe choice for a destructive action. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  tone = 'danger',
  pending = false,
  error,
  onConfirm,
  onClose,
}: {
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
  return (
    <Dialog open={open} description busy={pending} onClose={onClose}>
      {(ids) => (
        <div className="p-6">
          <DialogTitle id={ids.title}>{title}</DialogTitle>
          <div id={ids.description} className="mt-2 text-sm text-slate-700">
            {children}
          </div>
          {error && (
            <p role="alert" className="mt-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="confirm-dialog-error">
              {error}
            </p>
          )}
          <div className="mt-6 flex justify-end gap-3">
            <Button variant="secondary" autoFocus onClick={closeDialog} disabled={pending}>
              Cancel
            </Button>
            <Button variant={tone} onClick={onConfirm} disabled={pending}>
              {pending ? 'Working…' : confirmLabel}
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
