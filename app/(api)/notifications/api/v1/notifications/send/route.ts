import { sendNotifications } from '@/lib/domain/notifications/commands';
import { notificationSentOutput, sendNotificationBody } from '@/lib/domain/notifications/schemas';
import { openEndpoint, Reply, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: openEndpoint({
    auth: 'apiKey',
    summary: 'Send a notification to users (services, X-API-Key): in-app now, e-mail through the queue',
    tags: ['notifications'],
    output: notificationSentOutput,
    status: 200,
    body: sendNotificationBody,
    handler: async ({ body }) => {
      const created = await sendNotifications(body);
      return new Reply(
        { success: true, message: 'Notification sent successfully', notification_ids: created.map((c) => c.id) },
        { status: 200 },
      );
    },
  }),
});
