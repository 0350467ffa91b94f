import { recordView } from '@/lib/domain/knowledge/commands';
import { viewCountOutput } from '@/lib/domain/knowledge/outputs';
import { articleParam } from '@/lib/domain/knowledge/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Count a view of a knowledge article',
    tags: ['knowledge'],
    output: viewCountOutput,
    params: articleParam,
    status: 200,
    handler: ({ actor, params }) => recordView(actor, params.id),
  }),
});
