import { deployWorkflow } from '@/lib/domain/workflow/definitions';
import { deployOutput } from '@/lib/domain/workflow/outputs';
import { idParam } from '@/lib/domain/workflow/schemas';
import { deployInput } from '@/lib/domain/workflow/version-schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Deploy a workflow: validate (400 listing every problem) and freeze a new immutable version, with an optional note',
    tags: ['workflows'],
    params: idParam,
    body: deployInput,
    status: 200,
    output: deployOutput,
    responses: { 403: 'Not a workflow administrator', 404: 'No such workflow' },
    handler: ({ actor, params, body }) => deployWorkflow(actor, params.id, body),
  }),
});
