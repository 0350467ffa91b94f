import { bulkTickets } from '@/lib/domain/helpdesk/commands/bulk';
import { bulkOutput } from '@/lib/domain/helpdesk/outputs';
import { bulkInput } from '@/lib/domain/helpdesk/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary:
      'Bulk action (coordinators and admins): approve, reject, assign or change status of up to 100 tickets; each ticket is checked and written on its own and the answer lists each outcome',
    tags: ['tickets'],
    body: bulkInput,
    status: 200,
    output: bulkOutput,
    responses: { 403: 'Only ticket coordinators and admins can act in bulk' },
    handler: ({ actor, body }) => bulkTickets(actor, body),
  }),
});
