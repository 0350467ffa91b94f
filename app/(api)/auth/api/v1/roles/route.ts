import { roleListOutput } from '@/lib/domain/identity/outputs';
import { listRoles } from '@/lib/domain/identity/queries';
import { roleListQuery } from '@/lib/domain/identity/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'List roles of both systems (staff)',
    tags: ['roles'],
    query: roleListQuery,
    output: roleListOutput,
    handler: ({ actor, query }) => listRoles(actor, query),
  }),
});
