'use client';
import { useCallback, useId, useRef, useState } from 'react';
import { buttonClass } from './button-class';
import { useHiddenColumns } from './column-prefs';
import { useDismiss } from './use-dismiss';

export interface HideableColumn {
  key: string;
  label: string;
}

/**
 * The "Columns" menu of a table: a checkbox per optional column; the choice is remembered
 * in this browser. Hidden columns are hidden by a style rule on their `data-col` cells, so
 * the rows can stay server-rendered and need not know about it.
 */
export function ColumnsMenu({ tableId, columns }: { tableId: string; columns: HideableColumn[] }) {
  const [hidden, setHidden] = useHiddenColumns(tableId);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const popup = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, popup, button);
  const known = hidden.filter((k) => columns.some((c) => c.key === k));
  const scope = `[data-columns="${CSS_SAFE(tableId)}"]`;
  return (
    <div className="relative">
      {known.length > 0 && <style>{known.map((k) => `${scope} [data-col="${CSS_SAFE(k)}"]{display:none}`).join('\n')}</style>}
      <button
        ref={button}
        type="button"
        className={buttonClass('secondary')}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        Columns
        {known.length > 0 && (
          <span className="ml-1 text-slate-500">
            ({columns.length - known.length} of {columns.length})
          </span>
        )}
        <span aria-hidden className="ml-1">
          ▾
        </span>
      </button>
      <div
        ref={popup}
        id={panelId}
        hidden={!open}
        role="group"
        aria-label="Columns shown"
        className="absolute right-0 z-30 mt-1 w-64 rounded-md border border-slate-200 bg-white p-2 text-sm shadow-lg"
      >
        {columns.map((c) => (
          <label key={c.key} className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 hover:bg-slate-50">
            <input
              type="checkbox"
              checked={!known.includes(c.key)}
              onChange={(e) => setHidden(e.target.checked ? known.filter((k) => k !== c.key) : [...known, c.key])}
            />
            {c.label}
          </label>
        ))}
      </div>
    </div>
  );
}

/** Table ids and column keys are code constants; this keeps a stray quote from breaking the rule. */
const CSS_SAFE = (s: string) => s.replace(/[^\w-]/g, '');
