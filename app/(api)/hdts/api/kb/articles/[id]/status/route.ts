import { changeArticleStatus } from '@/lib/domain/knowledge/commands';
import { articleSummaryOutput } from '@/lib/domain/knowledge/outputs';
import { articleParam, articleStatusInput } from '@/lib/domain/knowledge/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Publish, archive or unpublish a knowledge article',
    description: 'draft → published → archived; an archived article can be published again or reworked as a draft.',
    tags: ['knowledge'],
    output: articleSummaryOutput,
    params: articleParam,
    body: articleStatusInput,
    status: 200,
    handler: ({ actor, params, body }) => changeArticleStatus(actor, params.id, body.status),
  }),
});
