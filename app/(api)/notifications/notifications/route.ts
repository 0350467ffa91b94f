import { sendNotifications } from '@/lib/domain/notifications/commands';
import { sendNotificationBody } from '@/lib/domain/notifications/schemas';
import { openEndpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: openEndpoint({
    auth: 'apiKey',
    summary: 'Create a notification (service-to-service, X-API-Key; spec 003)',
    tags: ['notifications'],
    body: sendNotificationBody,
    handler: async ({ body }) => {
      const created = await sendNotifications(body);
      return {
        notification_id: created[0]?.id ?? null,
        notification_ids: created.map((c) => c.id),
        status: 'sent',
        timestamp: new Date().toISOString(),
      };
    },
  }),
});
