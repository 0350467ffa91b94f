import { recordFeedback } from '@/lib/domain/knowledge/commands';
import { feedbackOutput } from '@/lib/domain/knowledge/outputs';
import { articleParam, feedbackInput } from '@/lib/domain/knowledge/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Mark a knowledge article helpful or not helpful',
    description: 'One vote per reader; a new vote replaces the previous one.',
    tags: ['knowledge'],
    output: feedbackOutput,
    params: articleParam,
    body: feedbackInput,
    status: 200,
    handler: ({ actor, params, body }) => recordFeedback(actor, params.id, body.helpful),
  }),
});
