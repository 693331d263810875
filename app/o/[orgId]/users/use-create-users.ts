'use client';
import { useState } from 'react';
import type { FieldArrayWithId, UseFormReturn } from 'react-hook-form';
import type { AddUsersInput } from '@/lib/subscribers/subscriber-schemas';
import { addUsersAction } from './actions';

export type RowStatus = 'new' | 'creating' | 'created' | 'failed';
type RowField = keyof AddUsersInput['rows'][number];

/**
 * Sends the rows not yet created to addUsers and puts each row's outcome on that row:
 * created rows are locked, failed rows get their errors at their fields. A retry sends
 * only what is still missing (and the server would report a repeat as created anyway).
 */
export function useCreateUsers(
  orgId: string,
  form: UseFormReturn<AddUsersInput>,
  fields: FieldArrayWithId<AddUsersInput, 'rows', 'key'>[],
) {
  const [statuses, setStatuses] = useState<Record<string, RowStatus>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function createPending(): Promise<{ allCreated: boolean }> {
    const rows = form.getValues('rows');
    const pending = fields.map((f, i) => ({ key: f.key, i })).filter(({ key }) => statuses[key] !== 'created');
    setMessage(null);
    setBusy(true);
    setStatuses((s) => ({ ...s, ...Object.fromEntries(pending.map(({ key }) => [key, 'creating' as const])) }));
    const next: Record<string, RowStatus> = {};
    try {
      const result = await addUsersAction(orgId, {
        rows: pending.map(({ i }) => {
          const row = rows[i];
          if (!row) throw new Error(`The form has no values for row ${i + 1}.`);
          return row;
        }),
      });
      if (!result.ok) {
        setMessage(result.message);
        for (const [path, msgs] of Object.entries(result.fieldErrors ?? {})) {
          const m = path.match(/^rows\.(\d+)\.(\w+)$/);
          if (!m) continue;
          const target = pending[Number(m[1])];
          if (!target) continue; // an error for a row this request did not send
          form.setError(`rows.${target.i}.${m[2] as RowField}`, { type: 'server', message: msgs.join(' ') });
        }
        for (const { key } of pending) next[key] = 'failed';
        return { allCreated: false };
      }
      for (const r of result.data.results) {
        const target = pending[r.row];
        if (!target) continue; // a result for a row this request did not send
        next[target.key] = r.ok ? 'created' : 'failed';
        for (const [field, msgs] of Object.entries(r.errors ?? {})) {
          form.setError(`rows.${target.i}.${field as RowField}`, { type: 'server', message: msgs.join(' ') });
        }
      }
      const failed = result.data.results.filter((r) => !r.ok).length;
      setMessage(
        failed
          ? `${failed} of ${pending.length} ${pending.length === 1 ? 'row was' : 'rows were'} not created: fix them and try again.`
          : null,
      );
      return { allCreated: failed === 0 };
    } catch {
      setMessage('Something went wrong on our side; try again.');
      for (const { key } of pending) next[key] = 'failed';
      return { allCreated: false };
    } finally {
      setStatuses((s) => ({ ...s, ...next }));
      setBusy(false);
    }
  }

  return { statuses, message, busy, createPending };
}
