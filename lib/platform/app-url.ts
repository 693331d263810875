/** Absolute base URL for links in e-mails (APP_URL, else the local server). */
export function appUrl(path: string): string {
  const base = process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  return new URL(path, base).toString();
}
