import { pushToWorkflow } from '@/lib/domain/helpdesk/commands/triage';
import { messageOutput } from '@/lib/domain/helpdesk/outputs';
import { ticketParam } from '@/lib/domain/helpdesk/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Send an approved ticket to the workflow engine again (coordinators)',
    tags: ['tickets'],
    params: ticketParam,
    status: 202,
    output: messageOutput,
    responses: {
      404: 'No such ticket, or not visible to the caller',
      403: 'Only ticket coordinators and admins can push a ticket',
    },
    handler: ({ actor, params }) => pushToWorkflow(actor, params.id),
  }),
});
