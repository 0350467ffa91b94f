import { markAllNotificationsRead } from '@/lib/domain/notifications/commands';
import { markAllReadOutput } from '@/lib/domain/notifications/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Mark all of your notifications read',
    tags: ['notifications'],
    output: markAllReadOutput,
    status: 200,
    handler: ({ actor }) => markAllNotificationsRead(actor),
  }),
});
