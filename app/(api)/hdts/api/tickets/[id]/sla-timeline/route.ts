import { slaTimelineOutput, ticketRefParam } from '@/lib/domain/workflow/schemas';
import { ticketSlaTimeline } from '@/lib/domain/workflow/sla-timeline';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'The SLA timeline of a ticket (by its number) once the workflow has it',
    description:
      'Staff who may see the ticket’s task read the staff timeline (steps, warnings, escalations); the requester reads ' +
      'the same clock in people’s words (`audience: "requester"`: no steps, no people, no thresholds). 404 for anyone ' +
      'else, and before the ticket reaches the workflow engine.',
    tags: ['tickets'],
    params: ticketRefParam,
    output: slaTimelineOutput,
    responses: { 404: 'No such ticket (or not visible), or not in the workflow yet' },
    handler: ({ actor, params }) => ticketSlaTimeline(actor, params.id),
  }),
});
