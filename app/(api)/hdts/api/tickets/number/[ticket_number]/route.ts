import { ticketDetailOutput } from '@/lib/domain/helpdesk/outputs';
import { getTicketByNumber } from '@/lib/domain/helpdesk/queries';
import { numberParam } from '@/lib/domain/helpdesk/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'A ticket by number (000 §3: employee, owner, attachments, comments)',
    tags: ['tickets'],
    rateLimit: 'ticketRead',
    params: numberParam,
    output: ticketDetailOutput,
    responses: { 404: 'No such ticket, or not visible to the caller' },
    handler: ({ actor, params }) => getTicketByNumber(actor, params.ticket_number),
  }),
});
