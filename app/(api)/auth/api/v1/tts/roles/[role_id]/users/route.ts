import { roleMembersOutput } from '@/lib/domain/identity/outputs';
import { usersByRole } from '@/lib/domain/identity/queries';
import { roleIdParam } from '@/lib/domain/identity/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'Active users holding a TTS role (staff)',
    tags: ['roles'],
    params: roleIdParam,
    output: roleMembersOutput,
    responses: { 404: 'No TTS role with this id' },
    handler: ({ actor, params }) => usersByRole(actor, params.role_id),
  }),
});
