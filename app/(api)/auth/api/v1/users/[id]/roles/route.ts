import { z } from 'zod';
import { setUserRoles } from '@/lib/domain/identity/commands';
import { userOutput } from '@/lib/domain/identity/outputs';
import { idParam, systemName, userRoleSetInput } from '@/lib/domain/identity/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  PUT: endpoint({
    summary: "Replace a user's roles in one system (admins)",
    tags: ['users'],
    params: idParam,
    query: z.object({ system: systemName }),
    body: userRoleSetInput,
    output: userOutput,
    responses: { 404: 'No user with this id' },
    handler: ({ actor, params, query, body }) => setUserRoles(actor, params.id, query.system, body.role_ids),
  }),
});
