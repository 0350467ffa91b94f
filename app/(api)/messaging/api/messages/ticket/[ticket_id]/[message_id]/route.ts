import { deleteTicketMessage, editTicketMessage } from '@/lib/domain/messaging/commands';
import { messageOutput } from '@/lib/domain/messaging/outputs';
import { messageBody, messageParams } from '@/lib/domain/messaging/schemas';
import { endpoint, route } from '@/lib/server/http';

const edit = endpoint({
  summary: 'Edit your conversation message',
  tags: ['messaging'],
  output: messageOutput,
  params: messageParams,
  body: messageBody,
  handler: ({ actor, params, body }) => editTicketMessage(actor, params.ticket_id, params.message_id, body.text),
});

export const { GET, POST, PUT, PATCH, DELETE } = route({
  PUT: edit,
  PATCH: edit,
  DELETE: endpoint({
    summary: 'Delete your conversation message',
    tags: ['messaging'],
    params: messageParams,
    status: 204,
    handler: ({ actor, params }) => deleteTicketMessage(actor, params.ticket_id, params.message_id),
  }),
});
