import { workflowSavedOutput } from '@/lib/domain/workflow/outputs';
import { versionParam } from '@/lib/domain/workflow/version-schemas';
import { restoreVersion } from '@/lib/domain/workflow/versions';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Copy a deployed version into the draft (nothing changes for tickets until the draft is deployed)',
    tags: ['workflows'],
    params: versionParam,
    status: 200,
    output: workflowSavedOutput,
    responses: { 403: 'Not a workflow administrator', 404: 'No such workflow or version' },
    handler: ({ actor, params }) => restoreVersion(actor, params.id, params.version),
  }),
});
