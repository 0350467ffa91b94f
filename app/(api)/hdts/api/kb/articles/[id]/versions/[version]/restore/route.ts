import { restoreVersion } from '@/lib/domain/knowledge/commands';
import { articleSummaryOutput } from '@/lib/domain/knowledge/outputs';
import { versionParam } from '@/lib/domain/knowledge/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Restore a version of a knowledge article',
    description: 'Saves that version’s content as a new version; the history is kept.',
    tags: ['knowledge'],
    output: articleSummaryOutput,
    params: versionParam,
    status: 200,
    handler: ({ actor, params }) => restoreVersion(actor, params.id, params.version),
  }),
});
