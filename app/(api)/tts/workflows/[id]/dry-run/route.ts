import { dryRun } from '@/lib/domain/workflow/dry-run';
import { idParam } from '@/lib/domain/workflow/schemas';
import { dryRunInput, dryRunOutput } from '@/lib/domain/workflow/version-schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Dry run: replay the latest matching tickets (and an example one) through the draft or a version; writes nothing',
    tags: ['workflows'],
    params: idParam,
    body: dryRunInput,
    output: dryRunOutput,
    status: 200,
    handler: ({ actor, params, body }) => dryRun(actor, params.id, body),
  }),
});
