import { listEmailDeliveries } from '@/lib/domain/notifications/queries';
import { deliveryListQuery, emailDeliveryListOutput } from '@/lib/domain/notifications/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'E-mail delivery attempts and results (admins)',
    tags: ['notifications'],
    output: emailDeliveryListOutput,
    query: deliveryListQuery,
    handler: ({ actor, query }) => listEmailDeliveries(actor, query),
  }),
});
