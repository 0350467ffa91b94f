import { assignRole } from '@/lib/domain/identity/commands';
import { roleAssignmentOutput } from '@/lib/domain/identity/outputs';
import { roleAssignInput } from '@/lib/domain/identity/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Assign a role to a user (admins)',
    tags: ['roles'],
    body: roleAssignInput,
    output: roleAssignmentOutput,
    responses: { 409: 'The user already has this role' },
    handler: ({ actor, body }) => assignRole(actor, body),
  }),
});
