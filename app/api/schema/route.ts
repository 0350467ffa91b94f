import { openApiDocument } from '@/lib/server/openapi/document';

export const dynamic = 'force-dynamic';

export async function GET() {
  return Response.json(await openApiDocument());
}
