import { openApiDocument } from '@/lib/api/openapi';

// Public like any API description: it documents, it grants nothing.
export const dynamic = 'force-static';

export function GET() {
  return Response.json(openApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300' } });
}
