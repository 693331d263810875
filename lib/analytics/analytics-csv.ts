// CSV for the Analytics exports: RFC 4180, CRLF, and — as OWASP advises (SPEC §10) —
// cells starting with = + - @ tab or CR are prefixed with ' so spreadsheets don't run them.
export function safeCsvCell(value: string | number | null | undefined): string {
  let v = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export const toCsv = (header: readonly string[], rows: readonly (readonly (string | number | null)[])[]) =>
  [header, ...rows].map((r) => r.map(safeCsvCell).join(',')).join('\r\n') + '\r\n';
