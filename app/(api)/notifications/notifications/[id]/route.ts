import { markNotificationRead } from '@/lib/domain/notifications/commands';
import { getNotification } from '@/lib/domain/notifications/queries';
import {
  markReadBody,
  notificationIdParam,
  notificationOutput,
  notificationReadOutput,
} from '@/lib/domain/notifications/schemas';
import { endpoint, route } from '@/lib/server/http';

/** Spec 003's notification service: one of your notifications by id (someone else's is a 404). */
export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'One of your notifications (spec 003)',
    tags: ['notifications'],
    output: notificationOutput,
    params: notificationIdParam,
    handler: ({ actor, params }) => getNotification(actor, params.id),
  }),
  PATCH: endpoint({
    summary: 'Mark one of your notifications read or unread (spec 003)',
    tags: ['notifications'],
    output: notificationReadOutput,
    params: notificationIdParam,
    body: markReadBody,
    handler: ({ actor, params, body }) => markNotificationRead(actor, params.id, body.is_read),
  }),
});
