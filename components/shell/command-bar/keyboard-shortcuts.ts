// The portal's single-key shortcuts (issue 17, item 10), as plain DOM functions so the
// shell's one key listener stays small: nothing here loads until a key is pressed.

/** Typing in a field (or a dialog holding focus) owns its keys: no shortcut fires there. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || !!target.closest('dialog[open]');
}

/** Ctrl+K on Windows/Linux, ⌘+K on a Mac (either works everywhere: people switch machines). */
export const isCommandBarKey = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k';

const ROW_TARGET = 'a[href], button:not([disabled])';
const HIGHLIGHT = 'data-row-highlighted';

/** The rows j/k walk: body rows of the page's lists that have something to open (not the drawer's own tables). */
function listRows(): HTMLTableRowElement[] {
  return [...document.querySelectorAll<HTMLTableRowElement>('main table > tbody > tr')].filter(
    (tr) => !tr.closest('aside') && tr.querySelector(ROW_TARGET),
  );
}

/**
 * Moves the highlighted row by `step` (j = +1, k = -1) and focuses its first link or
 * button, so Enter opens it (the link's own behaviour) and screen readers announce it.
 * Returns false when the page has no list, so the key is left alone.
 */
export function moveRowHighlight(step: 1 | -1): boolean {
  const rows = listRows();
  if (!rows.length) return false;
  const current = rows.findIndex((tr) => tr.hasAttribute(HIGHLIGHT) || tr.contains(document.activeElement));
  const next = current === -1 ? (step === 1 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, current + step));
  for (const tr of rows) tr.removeAttribute(HIGHLIGHT);
  const row = rows[next]!;
  row.setAttribute(HIGHLIGHT, '');
  row.querySelector<HTMLElement>(ROW_TARGET)?.focus();
  row.scrollIntoView({ block: 'nearest' });
  return true;
}

/** `/` focuses the page's search field (the lists' SearchForm), if it has one. */
export function focusPageSearch(): boolean {
  const input = document.querySelector<HTMLInputElement>('main input[type="search"]');
  if (!input) return false;
  input.focus();
  input.select();
  return true;
}
