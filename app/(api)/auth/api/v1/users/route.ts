import { createUser } from '@/lib/domain/identity/commands';
import { listUsers } from '@/lib/domain/identity/queries';
import { userCreateInput, userListQuery } from '@/lib/domain/identity/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'List users (admins)',
    tags: ['users'],
    query: userListQuery,
    handler: ({ actor, query }) => listUsers(actor, query),
  }),
  POST: endpoint({
    summary: 'Create a user (admins)',
    tags: ['users'],
    body: userCreateInput,
    handler: ({ actor, body }) => createUser(actor, body),
  }),
});
