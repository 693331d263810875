'use client';
import dynamic from 'next/dynamic';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useHydrated } from '@/components/ui/use-hydrated';
import { focusPageSearch, isCommandBarKey, isTypingTarget, moveRowHighlight } from './keyboard-shortcuts';

// Loaded on first use only: the search dialog (with cmdk) and the shortcuts help cost
// nothing on a page's first load (the JS budget, `npm run bench:js`).
const loadPalette = () => import('./command-palette');
const CommandPalette = dynamic(loadPalette, { ssr: false });
const ShortcutsHelp = dynamic(() => import('./shortcuts-help'), { ssr: false });

const subscribeNothing = () => () => {};
/** ⌘ on Apple machines, Ctrl elsewhere; the server (and the first paint) says Ctrl. */
const useModifierLabel = () =>
  useSyncExternalStore(
    subscribeNothing,
    () => (/Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl'),
    () => 'Ctrl',
  );

/**
 * The header's "Jump to…" button and the portal's keyboard shortcuts: Ctrl/⌘+K opens the
 * command bar, `?` the shortcuts help, `/` focuses the page's search, j/k walk a list's
 * rows (Enter opens the highlighted one). Single keys never fire while typing in a field.
 */
export function CommandBarLauncher({ searchUrl }: { searchUrl: string }) {
  const [open, setOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  // Once opened, the dialogs stay mounted (closed) so a second open is instant.
  const [loaded, setLoaded] = useState({ bar: false, help: false });
  const modifier = useModifierLabel();
  // Until React owns the page the shortcuts are not listening: the button says so by being disabled.
  const hydrated = useHydrated();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      // Ctrl or ⌘ alone: the K is likely next, so fetch the bar's code now (no typed letter lost waiting for it).
      if (e.key === 'Control' || e.key === 'Meta') void loadPalette();
      if (isCommandBarKey(e)) {
        e.preventDefault();
        setLoaded((l) => ({ ...l, bar: true }));
        setHelpOpen(false);
        setOpen((o) => !o);
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      if (e.key === '?') {
        e.preventDefault();
        setLoaded((l) => ({ ...l, help: true }));
        setHelpOpen(true);
      } else if (e.key === '/') {
        if (focusPageSearch()) e.preventDefault();
      } else if (e.key === 'j' || e.key === 'k') {
        if (moveRowHighlight(e.key === 'j' ? 1 : -1)) e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <button
        type="button"
        aria-keyshortcuts="Control+K Meta+K"
        aria-haspopup="dialog"
        disabled={!hydrated}
        onPointerEnter={() => void loadPalette()}
        onClick={() => {
          setLoaded((l) => ({ ...l, bar: true }));
          setOpen(true);
        }}
        className="inline-flex items-center gap-3 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-50"
        data-testid="command-bar-button"
      >
        Jump to…
        <kbd aria-hidden className="hidden rounded border border-slate-300 bg-slate-50 px-1.5 font-sans text-xs text-slate-600 sm:inline">
          {modifier} K
        </kbd>
      </button>
      <button
        type="button"
        aria-keyshortcuts="?"
        disabled={!hydrated}
        onClick={() => {
          setLoaded((l) => ({ ...l, help: true }));
          setHelpOpen(true);
        }}
        className="hidden rounded-md px-2 py-1.5 text-sm text-slate-600 hover:bg-slate-100 sm:inline-flex"
      >
        Keyboard shortcuts
      </button>
      {loaded.bar && <CommandPalette searchUrl={searchUrl} open={open} onClose={() => setOpen(false)} />}
      {loaded.help && <ShortcutsHelp open={helpOpen} modifier={modifier} onClose={() => setHelpOpen(false)} />}
    </>
  );
}
