import { createUser } from '@/lib/domain/identity/commands';
import { userCreateOutput, userListOutput } from '@/lib/domain/identity/outputs';
import { listUsers } from '@/lib/domain/identity/queries';
import { userCreateInput, userListQuery } from '@/lib/domain/identity/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'List users (admins)',
    tags: ['users'],
    query: userListQuery,
    output: userListOutput,
    handler: ({ actor, query }) => listUsers(actor, query),
  }),
  POST: endpoint({
    summary: 'Create a user (admins)',
    tags: ['users'],
    body: userCreateInput,
    output: userCreateOutput,
    responses: { 409: 'Username or e-mail address taken' },
    handler: ({ actor, body }) => createUser(actor, body),
  }),
});
