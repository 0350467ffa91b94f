import { postTicketMessage } from '@/lib/domain/messaging/commands';
import { messageListOutput, messageOutput } from '@/lib/domain/messaging/outputs';
import { listTicketMessages } from '@/lib/domain/messaging/queries';
import { messageBody, messageListQuery, ticketParam } from '@/lib/domain/messaging/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'The coordinator ↔ agent conversation of a ticket',
    tags: ['messaging'],
    output: messageListOutput,
    params: ticketParam,
    query: messageListQuery,
    handler: ({ actor, params, query }) => listTicketMessages(actor, params.ticket_id, query),
  }),
  POST: endpoint({
    summary: 'Post to the coordinator ↔ agent conversation of a ticket',
    tags: ['messaging'],
    output: messageOutput,
    params: ticketParam,
    body: messageBody,
    handler: ({ actor, params, body }) => postTicketMessage(actor, params.ticket_id, body.text),
  }),
});
