// The colour theme preference: a cookie the server reads to render <html data-theme>, so the
// first paint already has the chosen theme (app/globals.css maps it to colours).
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_COOKIE = 'theme';
export const THEME_LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

/** Anything but a known value (no cookie, a tampered one) means "follow the system". */
export function parseTheme(value: string | undefined): Theme {
  return (THEMES as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system';
}
