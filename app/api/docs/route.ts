import { viewerHandler } from '@/lib/server/openapi/docs';

export const dynamic = 'force-dynamic';
export const GET = viewerHandler();
