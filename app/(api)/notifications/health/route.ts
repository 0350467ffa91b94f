import { health } from '@/lib/server/health';
import { openEndpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: openEndpoint({
    summary: 'Health of the notifications service: database and job queue',
    tags: ['health'],
    auth: 'public',
    handler: () => health('notifications'),
  }),
});
