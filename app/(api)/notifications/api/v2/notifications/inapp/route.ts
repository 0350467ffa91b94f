import { listInAppNotifications } from '@/lib/domain/notifications/queries';
import { inAppListQuery, notificationListOutput } from '@/lib/domain/notifications/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: "The caller's in-app notifications with unread_count (filter is_read)",
    tags: ['notifications'],
    query: inAppListQuery,
    output: notificationListOutput,
    handler: ({ actor, query }) => listInAppNotifications(actor, query),
  }),
});
