import { markNotificationRead } from '@/lib/domain/notifications/commands';
import { markReadBody, notificationIdParam, notificationReadOutput } from '@/lib/domain/notifications/schemas';
import { endpoint, route } from '@/lib/server/http';

const mark = endpoint({
  summary: 'Mark one of your notifications read (or unread)',
  tags: ['notifications'],
  output: notificationReadOutput,
  params: notificationIdParam,
  body: markReadBody,
  handler: ({ actor, params, body }) => markNotificationRead(actor, params.id, body.is_read),
});

export const { GET, POST, PUT, PATCH, DELETE } = route({ PATCH: mark });
