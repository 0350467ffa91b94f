import { idParam } from '@/lib/domain/workflow/schemas';
import { versionListOutput } from '@/lib/domain/workflow/version-schemas';
import { listVersions } from '@/lib/domain/workflow/versions';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: "A workflow's deployed versions, newest first: who deployed each and when, the note, open tasks running on it",
    tags: ['workflows'],
    params: idParam,
    output: versionListOutput,
    handler: ({ actor, params }) => listVersions(actor, params.id),
  }),
});
