// Remembers each list's last search and filters for this tab (sessionStorage), so a link
// back to the list — the cross-launch banner's "Back to …" — returns to what was on screen.
const key = (path: string) => `list-query:${path}`;

export function rememberListQuery(path: string, query: string) {
  try {
    if (query) sessionStorage.setItem(key(path), query);
    else sessionStorage.removeItem(key(path));
  } catch {
    // Storage disabled (private mode quotas): the link simply opens the plain list.
  }
}

export function recallListQuery(path: string): string {
  try {
    return sessionStorage.getItem(key(path)) ?? '';
  } catch {
    return '';
  }
}
