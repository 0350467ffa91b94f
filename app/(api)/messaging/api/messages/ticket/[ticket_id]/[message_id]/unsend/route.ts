import { unsendTicketMessage } from '@/lib/domain/messaging/commands';
import { messageOutput } from '@/lib/domain/messaging/outputs';
import { messageParams } from '@/lib/domain/messaging/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Unsend your conversation message (it stays as "unsent" without its text)',
    tags: ['messaging'],
    output: messageOutput,
    params: messageParams,
    status: 200,
    handler: ({ actor, params }) => unsendTicketMessage(actor, params.ticket_id, params.message_id),
  }),
});
