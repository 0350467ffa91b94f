import { markAllNotificationsRead } from '@/lib/domain/notifications/commands';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Mark all of your notifications read',
    tags: ['notifications'],
    status: 200,
    handler: ({ actor }) => markAllNotificationsRead(actor),
  }),
});
