import { mentionableUsers } from '@/lib/domain/messaging/mentions';
import { mentionableOutput } from '@/lib/domain/messaging/outputs';
import { mentionQuery, ticketParam } from '@/lib/domain/messaging/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'People an @mention on this ticket would reach, by name or username (`q`); `internal=true` for an internal note',
    tags: ['messaging'],
    output: mentionableOutput,
    params: ticketParam,
    query: mentionQuery,
    handler: ({ actor, params, query }) => mentionableUsers(actor, params.ticket_id, query),
  }),
});
