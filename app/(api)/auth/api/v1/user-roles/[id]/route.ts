import { removeRoleAssignment } from '@/lib/domain/identity/commands';
import { idParam } from '@/lib/domain/identity/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  DELETE: endpoint({
    summary: 'Remove a role assignment (admins)',
    tags: ['roles'],
    params: idParam,
    status: 204,
    handler: ({ actor, params }) => removeRoleAssignment(actor, params.id),
  }),
});
