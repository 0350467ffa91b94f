import { replayAllDeadLetters } from '@/lib/domain/operations/commands';
import { replayAllInput, replayAllOutput } from '@/lib/domain/operations/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Replay every dead letter (optionally of one queue) (admins)',
    tags: ['queues'],
    body: replayAllInput,
    status: 200,
    output: replayAllOutput,
    handler: ({ actor, body }) => replayAllDeadLetters(actor, body.queue),
  }),
});
