import { assignRole } from '@/lib/domain/identity/commands';
import { roleAssignInput } from '@/lib/domain/identity/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Assign a role to a user (admins)',
    tags: ['roles'],
    body: roleAssignInput,
    handler: ({ actor, body }) => assignRole(actor, body),
  }),
});
