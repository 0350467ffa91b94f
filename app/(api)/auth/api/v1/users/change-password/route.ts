import { changePassword } from '@/lib/domain/identity/commands';
import { changePasswordInput } from '@/lib/domain/identity/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Change my password (revokes my refresh tokens)',
    tags: ['profile'],
    status: 200,
    body: changePasswordInput,
    handler: ({ actor, body }) => changePassword(actor, body),
  }),
});
