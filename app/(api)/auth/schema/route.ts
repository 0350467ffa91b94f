import { schemaHandler } from '@/lib/server/openapi/docs';

// The API documentation of this service (an alias of the one document and viewer; see lib/server/openapi/docs.ts).
export const dynamic = 'force-dynamic';
export const GET = schemaHandler('/auth');
