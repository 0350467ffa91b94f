import { ticketSuggestionsOutput } from '@/lib/domain/knowledge/outputs';
import { ticketSuggestions } from '@/lib/domain/knowledge/queries';
import { ticketRefParam } from '@/lib/domain/knowledge/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'Suggested articles for a ticket',
    description: 'For staff who can see the ticket: published articles matching its subject and description, its category first.',
    tags: ['knowledge'],
    output: ticketSuggestionsOutput,
    params: ticketRefParam,
    handler: ({ actor, params }) => ticketSuggestions(actor, params.id),
  }),
});
