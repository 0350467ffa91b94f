import { deactivateUser, updateUser } from '@/lib/domain/identity/commands';
import { userOutput, userUpdateOutput } from '@/lib/domain/identity/outputs';
import { getUser } from '@/lib/domain/identity/queries';
import { idParam, userUpdateInput } from '@/lib/domain/identity/schemas';
import { endpoint, route } from '@/lib/server/http';

const update = endpoint({
  summary: 'Update a user (admins); PUT and PATCH both accept partial bodies',
  tags: ['users'],
  params: idParam,
  body: userUpdateInput,
  output: userUpdateOutput,
  responses: { 404: 'No user with this id', 409: 'Username or e-mail address taken' },
  handler: ({ actor, params, body }) => updateUser(actor, params.id, body),
});

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'Get a user with roles (admins)',
    tags: ['users'],
    params: idParam,
    output: userOutput,
    responses: { 404: 'No user with this id' },
    handler: ({ actor, params }) => getUser(actor, params.id),
  }),
  PUT: update,
  PATCH: update,
  DELETE: endpoint({
    summary: 'Deactivate a user (admins); history keeps referring to it',
    tags: ['users'],
    params: idParam,
    status: 204,
    handler: ({ actor, params }) => deactivateUser(actor, params.id),
  }),
});
