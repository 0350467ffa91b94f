import { idParam, slaTimelineOutput } from '@/lib/domain/workflow/schemas';
import { taskSlaTimeline } from '@/lib/domain/workflow/sla-timeline';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary:
      'The SLA timeline of a task: started, paused (why, from/to), outside business hours, warned, breached, escalated, met',
    description:
      'Also the business time left (`remaining_business_ms`) with the calendar and pauses it counts in, so a page can ' +
      'tick it, and `sla_outcome` (met or breached) once the task is completed. Staff who may see the task.',
    tags: ['tasks'],
    params: idParam,
    output: slaTimelineOutput,
    responses: { 403: 'Not workflow staff', 404: 'No such task (or not visible)' },
    handler: ({ actor, params }) => taskSlaTimeline(actor, params.id),
  }),
});
