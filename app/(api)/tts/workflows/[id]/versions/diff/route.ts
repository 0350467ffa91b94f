import { idParam } from '@/lib/domain/workflow/schemas';
import { compareQuery, versionDiffOutput } from '@/lib/domain/workflow/version-schemas';
import { compareVersions } from '@/lib/domain/workflow/versions';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary:
      'What changed between two versions (`from`, `to`: a version number or `draft`): settings, SLAs, steps, transitions, roles',
    tags: ['workflows'],
    params: idParam,
    query: compareQuery,
    output: versionDiffOutput,
    handler: ({ actor, params, query }) => compareVersions(actor, params.id, query),
  }),
});
