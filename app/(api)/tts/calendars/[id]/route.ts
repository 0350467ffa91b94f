import { calendarIdParam, calendarInput, calendarOutput } from '@/lib/domain/sla/calendar-schemas';
import { deleteCalendar, getCalendar, updateCalendar } from '@/lib/domain/workflow/calendars';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'One business-hours calendar',
    tags: ['workflows'],
    params: calendarIdParam,
    output: calendarOutput,
    handler: ({ actor, params }) => getCalendar(actor, params.id),
  }),
  PUT: endpoint({
    summary: 'Replace a calendar; open tickets running on it get their due times recomputed at once (workflow admins)',
    tags: ['workflows'],
    params: calendarIdParam,
    body: calendarInput,
    output: calendarOutput.extend({ moved_tasks: calendarOutput.shape.calendar_id, message: calendarOutput.shape.name }),
    handler: ({ actor, params, body }) => updateCalendar(actor, params.id, body),
  }),
  DELETE: endpoint({
    summary: 'Delete a calendar (refused while a workflow or an open ticket uses it)',
    tags: ['workflows'],
    params: calendarIdParam,
    status: 204,
    responses: { 403: 'Not a workflow administrator', 404: 'No such calendar', 409: 'In use by a workflow or an open ticket' },
    handler: ({ actor, params }) => deleteCalendar(actor, params.id),
  }),
});
