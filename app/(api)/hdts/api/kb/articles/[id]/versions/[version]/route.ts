import { versionOutput } from '@/lib/domain/knowledge/outputs';
import { getVersion } from '@/lib/domain/knowledge/queries';
import { versionParam } from '@/lib/domain/knowledge/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'One version of a knowledge article',
    tags: ['knowledge'],
    output: versionOutput,
    params: versionParam,
    handler: ({ actor, params }) => getVersion(actor, params.id, params.version),
  }),
});
