import { listEmailDeliveries } from '@/lib/domain/notifications/queries';
import { deliveryListQuery } from '@/lib/domain/notifications/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'E-mail delivery attempts and results (admins)',
    tags: ['notifications'],
    query: deliveryListQuery,
    handler: ({ actor, query }) => listEmailDeliveries(actor, query),
  }),
});
