// Time zones offered in forms: a fixed list, so the server-rendered and hydrated option
// lists match (Node's and the browser's Intl lists differ). The server accepts any IANA zone.
export const TIME_ZONES = [
  'America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage',
  'Pacific/Honolulu', 'America/Toronto', 'America/Vancouver', 'America/Mexico_City', 'America/Bogota', 'America/Sao_Paulo',
  'Europe/London', 'Europe/Dublin', 'Europe/Lisbon', 'Europe/Paris', 'Europe/Berlin', 'Europe/Madrid', 'Europe/Rome',
  'Europe/Amsterdam', 'Europe/Stockholm', 'Europe/Oslo', 'Europe/Copenhagen', 'Europe/Helsinki', 'Europe/Warsaw',
  'Europe/Prague', 'Europe/Budapest', 'Europe/Bucharest', 'Europe/Istanbul', 'Europe/Moscow', 'Asia/Dubai', 'Asia/Riyadh',
  'Asia/Kolkata', 'Asia/Jakarta', 'Asia/Shanghai', 'Asia/Taipei', 'Asia/Tokyo', 'Asia/Seoul', 'Australia/Perth',
  'Australia/Sydney', 'Pacific/Auckland', 'UTC',
] as const;
