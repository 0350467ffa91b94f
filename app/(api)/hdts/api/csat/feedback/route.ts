import { feedbackListOutput } from '@/lib/domain/helpdesk/outputs';
import { listFeedback } from '@/lib/domain/helpdesk/queries';
import { feedbackQuery } from '@/lib/domain/helpdesk/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'CSAT feedback, newest first, with counts per rating (coordinators and admins)',
    tags: ['csat'],
    query: feedbackQuery,
    output: feedbackListOutput,
    responses: { 403: 'Only ticket coordinators and admins can read CSAT feedback' },
    handler: ({ actor, query }) => listFeedback(actor, query),
  }),
});
