// Liveness: the process is up and serving HTTP. Touches nothing else, so a slow database
// doesn't get a healthy instance restarted (that is what /api/ready is for).
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
