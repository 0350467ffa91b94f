import { sendNotificationsReceipt } from '@/lib/domain/notifications/commands';
import { listOwnNotifications } from '@/lib/domain/notifications/queries';
import {
  notificationListOutput,
  notificationListQuery,
  notificationReceiptOutput,
  sendNotificationBody,
} from '@/lib/domain/notifications/schemas';
import { endpoint, openEndpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: "The caller's notifications (spec 003; user_id, if given, must be the caller; filter is_read)",
    tags: ['notifications'],
    query: notificationListQuery,
    output: notificationListOutput,
    handler: ({ actor, query }) => listOwnNotifications(actor, query),
  }),
  POST: openEndpoint({
    auth: 'apiKey',
    summary: 'Create a notification (service-to-service, X-API-Key; spec 003)',
    tags: ['notifications'],
    output: notificationReceiptOutput,
    body: sendNotificationBody,
    handler: ({ body }) => sendNotificationsReceipt(body),
  }),
});
