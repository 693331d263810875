'use client';
import { Command } from 'cmdk';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { useCommandSearch, type CommandResult } from './use-command-search';

const GROUPS: { kind: CommandResult['kind']; heading: string }[] = [
  { kind: 'page', heading: 'Pages' },
  { kind: 'customer', heading: 'Customers' },
  { kind: 'indirect_provider', heading: 'Indirect providers' },
  { kind: 'template', heading: 'Onboarding templates' },
];

/**
 * The command bar (Ctrl/⌘+K): the one Dialog (modal: focus stays inside, Escape closes,
 * focus returns to the opener) around cmdk's combobox — an input with a listbox of
 * options, arrows move, Enter opens. cmdk's own filtering is off: the server searched.
 */
export default function CommandPalette({ searchUrl, open, onClose }: { searchUrl: string; open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} size="lg" testId="command-bar">
      {(ids) => <Palette searchUrl={searchUrl} titleId={ids.title} onClose={onClose} />}
    </Dialog>
  );
}

/**
 * cmdk's root is focusable (tabindex -1) and comes first, so showModal() would focus it; the
 * `autofocus` attribute (React doesn't render `autoFocus` as one) sends focus to the input.
 */
const markAutofocus = (el: HTMLInputElement | null) => el?.setAttribute('autofocus', '');

function Palette({ searchUrl, titleId, onClose }: { searchUrl: string; titleId: string; onClose: () => void }) {
  const router = useRouter();
  const [query, setQuery] = useState('');
  const { results, loading, error } = useCommandSearch(searchUrl, query);
  const [selected, setSelected] = useState('');
  // New results: the highlighted one if it is still there, else the first.
  const value = results.some((r) => r.key === selected) ? selected : (results[0]?.key ?? '');

  const go = (r: CommandResult) => {
    onClose();
    router.push(r.href);
  };

  return (
    <div className="p-2">
      <h2 id={titleId} className="sr-only">
        Jump to
      </h2>
      <Command
        label="Jump to a page, customer, indirect provider or template"
        shouldFilter={false}
        vimBindings={false}
        value={value}
        onValueChange={setSelected}
        loop
      >
        <Command.Input
          ref={markAutofocus}
          value={query}
          onValueChange={setQuery}
          maxLength={100}
          placeholder="Jump to a customer, indirect provider, template or page…"
          className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30"
        />
        <Command.List className="mt-2 max-h-80 overflow-y-auto" aria-busy={loading}>
          {loading && results.length === 0 && (
            <Command.Loading label="Searching">
              <p className="px-3 py-2 text-sm text-slate-600">Searching…</p>
            </Command.Loading>
          )}
          {error && (
            <p role="alert" className="px-3 py-2 text-sm text-red-700">
              {error}
            </p>
          )}
          {!loading && !error && results.length === 0 && (
            <p className="px-3 py-2 text-sm text-slate-600" role="status">
              Nothing found for “{query.trim()}”. Try part of a name.
            </p>
          )}
          {GROUPS.map(({ kind, heading }) => {
            const items = results.filter((r) => r.kind === kind);
            if (!items.length) return null;
            return (
              <Command.Group
                key={kind}
                heading={heading}
                className="py-1 [&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:py-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:uppercase [&_[cmdk-group-heading]]:text-slate-600"
              >
                {items.map((r) => (
                  <Command.Item
                    key={r.key}
                    value={r.key}
                    onSelect={() => go(r)}
                    className="cursor-pointer rounded-md px-3 py-2 text-sm text-slate-800 data-[selected=true]:bg-brand-50 data-[selected=true]:text-brand-700"
                  >
                    {r.label}
                  </Command.Item>
                ))}
              </Command.Group>
            );
          })}
        </Command.List>
      </Command>
      <p className="mt-2 border-t border-slate-100 px-3 pt-2 text-xs text-slate-600">
        <kbd>↑</kbd> <kbd>↓</kbd> to move · <kbd>Enter</kbd> to open · <kbd>Esc</kbd> to close
      </p>
    </div>
  );
}
