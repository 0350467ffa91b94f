import { sendNotificationsReceipt } from '@/lib/domain/notifications/commands';
import { listNotificationsFor } from '@/lib/domain/notifications/queries';
import {
  notificationListOutput,
  notificationListQuery,
  notificationReceiptOutput,
  sendNotificationBody,
} from '@/lib/domain/notifications/schemas';
import { openEndpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: openEndpoint({
    auth: 'apiKeyOrUser',
    summary:
      "Notifications (spec 003's API-key example): a service with X-API-Key reads one user's (user_id required); a signed-in user reads their own",
    tags: ['notifications'],
    query: notificationListQuery,
    output: notificationListOutput,
    handler: ({ actor, query }) => listNotificationsFor(actor, query),
  }),
  POST: openEndpoint({
    auth: 'apiKey',
    summary: 'Create a notification (service-to-service, X-API-Key; spec 003; same as POST /notifications/notifications/)',
    tags: ['notifications'],
    output: notificationReceiptOutput,
    body: sendNotificationBody,
    handler: ({ body }) => sendNotificationsReceipt(body),
  }),
});
