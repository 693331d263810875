'use client';
import { useCallback, useEffect, useId, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { cn } from './cn';
import { useDismiss } from './use-dismiss';
import { useHydrated } from './use-hydrated';

export interface RowAction {
  /** The item's visible text, e.g. "Change package". */
  label: string;
  /** Its accessible name when the label alone is ambiguous on a page of rows, e.g. "Change package of Ann Lee". */
  name?: string;
  onSelect: () => void;
  tone?: 'danger';
}

/**
 * One "Actions for <name>" menu button per row instead of a stack of buttons (issue 17.5),
 * following the WAI-ARIA menu button pattern: Enter, Space or ↓ opens it on the first item
 * (↑ on the last), ↑/↓/Home/End move, Enter runs an item, Escape or Tab closes it and focus
 * returns to the button — where a dialog the item opens will also return it. The menu is
 * placed `fixed` under the button so a table frame that scrolls (overflow) never clips it.
 */
export function RowActionsMenu({ name, actions, testId }: { name: string; actions: RowAction[]; testId?: string }) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [place, setPlace] = useState<CSSProperties>({});
  const ready = useHydrated();
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const popup = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, popup, button);

  // Focus follows the active item while open.
  useEffect(() => {
    if (open) popup.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')[active]?.focus();
  }, [open, active]);
  const count = actions.length;
  const placeUnderButton = useCallback(() => {
    const r = button.current?.getBoundingClientRect();
    if (!r) return;
    const right = Math.max(8, window.innerWidth - r.right);
    // Near the bottom of the screen it opens upwards: a fixed menu past the edge can't be scrolled to.
    const height = popup.current?.offsetHeight || count * 40 + 8;
    const below = r.bottom + 4 + height <= window.innerHeight;
    setPlace(
      below ? { position: 'fixed', top: r.bottom + 4, right } : { position: 'fixed', bottom: window.innerHeight - r.top + 4, right },
    );
  }, [count]);
  // The menu is fixed: on a scroll or resize it moves with its button. (Closing it instead
  // would race the scroll that brings the button into view as it is clicked.)
  useEffect(() => {
    if (!open) return;
    window.addEventListener('scroll', placeUnderButton, true);
    window.addEventListener('resize', placeUnderButton);
    return () => {
      window.removeEventListener('scroll', placeUnderButton, true);
      window.removeEventListener('resize', placeUnderButton);
    };
  }, [open, placeUnderButton]);

  const show = (index: number) => {
    placeUnderButton();
    setActive(index);
    setOpen(true);
  };
  const run = (a: RowAction) => {
    button.current?.focus();
    setOpen(false);
    a.onSelect();
  };
  const onButtonKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      show(e.key === 'ArrowDown' ? 0 : actions.length - 1);
    }
  };
  const onMenuKey = (e: KeyboardEvent) => {
    const last = actions.length - 1;
    const move: Record<string, number> = {
      ArrowDown: active === last ? 0 : active + 1,
      ArrowUp: active === 0 ? last : active - 1,
      Home: 0,
      End: last,
    };
    if (e.key in move) {
      e.preventDefault();
      setActive(move[e.key]!);
    } else if (e.key === 'Tab') {
      setOpen(false);
    }
  };

  if (actions.length === 0) return null;
  return (
    <div className="flex justify-end" data-testid={testId}>
      <button
        ref={button}
        type="button"
        aria-label={`Actions for ${name}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        disabled={!ready}
        onClick={() => (open ? setOpen(false) : show(0))}
        onKeyDown={onButtonKey}
        className="inline-flex h-8 min-w-8 items-center justify-center rounded-md border border-slate-300 bg-white px-2 text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-50"
      >
        <span aria-hidden className="text-base leading-none tracking-widest">
          ⋯
        </span>
      </button>
      <div
        ref={popup}
        id={menuId}
        role="menu"
        aria-label={`Actions for ${name}`}
        hidden={!open}
        style={place}
        onKeyDown={onMenuKey}
        className="z-50 min-w-44 rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
      >
        {actions.map((a, i) => (
          <button
            key={a.label}
            type="button"
            role="menuitem"
            tabIndex={i === active ? 0 : -1}
            aria-label={a.name}
            onClick={() => run(a)}
            className={cn(
              'block w-full px-3 py-2 text-left hover:bg-slate-100 focus:bg-slate-100 focus:outline-none',
              a.tone === 'danger' ? 'text-red-700' : 'text-slate-800',
            )}
          >
            {a.label}
          </button>
        ))}
      </div>
    </div>
  );
}
