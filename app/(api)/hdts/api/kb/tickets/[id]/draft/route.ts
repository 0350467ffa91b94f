import { articleDraftOutput } from '@/lib/domain/knowledge/outputs';
import { articleDraftFromTicket } from '@/lib/domain/knowledge/queries';
import { ticketRefParam } from '@/lib/domain/knowledge/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'An article draft prefilled from a resolved ticket',
    description:
      'Knowledge editors who can see the ticket: title, problem and solution (resolution notes, else the last public staff reply), category; nothing is saved until the draft is created with POST /hdts/api/kb/articles/. 409 when the ticket is not resolved or closed.',
    tags: ['knowledge'],
    output: articleDraftOutput,
    params: ticketRefParam,
    handler: ({ actor, params }) => articleDraftFromTicket(actor, params.id),
  }),
});
