import { updateProfile } from '@/lib/domain/identity/commands';
import { profileOutput } from '@/lib/domain/identity/outputs';
import { getProfile } from '@/lib/domain/identity/queries';
import { profileUpdateInput } from '@/lib/domain/identity/schemas';
import { endpoint, route } from '@/lib/server/http';

const update = endpoint({
  summary: 'Update my profile (names, phone, e-mail preferences)',
  tags: ['profile'],
  body: profileUpdateInput,
  output: profileOutput,
  handler: ({ actor, body }) => updateProfile(actor, body),
});

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'My profile',
    tags: ['profile'],
    output: profileOutput,
    handler: ({ actor }) => getProfile(actor),
  }),
  PUT: update,
  PATCH: update,
});
