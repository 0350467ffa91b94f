import { healthOutput } from '@/lib/domain/operations/schemas';
import { health } from '@/lib/server/health';
import { openEndpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: openEndpoint({
    summary: 'Health of the auth service: database and job queue',
    tags: ['health'],
    auth: 'public',
    output: healthOutput,
    responses: { 401: 'An Authorization header whose token is not valid (expired, revoked or forged)' },
    handler: () => health('auth'),
  }),
});
