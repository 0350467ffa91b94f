import { deployWorkflow } from '@/lib/domain/workflow/definitions';
import { idParam } from '@/lib/domain/workflow/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Deploy a workflow: validate (400 listing every problem) and freeze a new immutable version',
    tags: ['workflows'],
    params: idParam,
    status: 200,
    handler: ({ actor, params }) => deployWorkflow(actor, params.id),
  }),
});
