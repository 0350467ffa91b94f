import { recordTicketParticipant } from '@/lib/domain/messaging/commands';
import { participantOutput } from '@/lib/domain/messaging/outputs';
import { participantBody, ticketParam } from '@/lib/domain/messaging/schemas';
import { openEndpoint, Reply, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: openEndpoint({
    auth: 'apiKey',
    summary: 'Record who takes part in a ticket (services, X-API-Key; same as the job messaging.ticket_participant)',
    tags: ['messaging'],
    output: participantOutput,
    params: ticketParam,
    body: participantBody,
    handler: async ({ params, body }) => {
      await recordTicketParticipant({ ticket_number: params.ticket_id, ...body });
      return new Reply({ ticket_id: params.ticket_id, ...body, recorded: true }, { status: body.remove ? 200 : 201 });
    },
  }),
});
