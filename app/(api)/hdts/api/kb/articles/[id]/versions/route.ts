import { versionListOutput } from '@/lib/domain/knowledge/outputs';
import { listVersions } from '@/lib/domain/knowledge/queries';
import { articleParam } from '@/lib/domain/knowledge/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'Version history of a knowledge article',
    description: 'Who changed which fields and when, newest first (knowledge editors).',
    tags: ['knowledge'],
    output: versionListOutput,
    params: articleParam,
    handler: ({ actor, params }) => listVersions(actor, params.id),
  }),
});
