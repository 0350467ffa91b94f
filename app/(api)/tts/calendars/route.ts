import { calendarInput, calendarListOutput, calendarOutput } from '@/lib/domain/sla/calendar-schemas';
import { createCalendar, listCalendars } from '@/lib/domain/workflow/calendars';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'Business-hours calendars (time zone, working hours, holidays) with the workflows that use them',
    tags: ['workflows'],
    output: calendarListOutput,
    responses: { 403: 'Not workflow staff' },
    handler: ({ actor }) => listCalendars(actor),
  }),
  POST: endpoint({
    summary: 'Create a business-hours calendar (workflow admins)',
    tags: ['workflows'],
    body: calendarInput,
    output: calendarOutput.extend({ message: calendarOutput.shape.name }),
    handler: ({ actor, body }) => createCalendar(actor, body),
  }),
});
