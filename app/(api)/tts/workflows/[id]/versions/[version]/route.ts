import { versionOutput, versionParam } from '@/lib/domain/workflow/version-schemas';
import { getVersion } from '@/lib/domain/workflow/versions';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'One deployed version as frozen (steps, transitions, roles and SLAs tickets on it run on)',
    tags: ['workflows'],
    params: versionParam,
    output: versionOutput,
    handler: ({ actor, params }) => getVersion(actor, params.id, params.version),
  }),
});
