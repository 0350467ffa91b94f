import { healthOutput } from '@/lib/domain/operations/schemas';
import { health } from '@/lib/server/health';
import { openEndpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: openEndpoint({
    summary: 'Health of the messaging service: database and job queue',
    tags: ['health'],
    output: healthOutput,
    responses: { 401: 'A credential was sent and is not valid (a public endpoint still checks one it is given)' },
    auth: 'public',
    handler: () => health('messaging'),
  }),
});
