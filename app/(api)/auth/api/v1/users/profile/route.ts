import { updateProfile } from '@/lib/domain/identity/commands';
import { getProfile } from '@/lib/domain/identity/queries';
import { profileUpdateInput } from '@/lib/domain/identity/schemas';
import { endpoint, route } from '@/lib/server/http';

const update = endpoint({
  summary: 'Update my profile (names, phone, e-mail preferences)',
  tags: ['profile'],
  body: profileUpdateInput,
  handler: ({ actor, body }) => updateProfile(actor, body),
});

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({ summary: 'My profile', tags: ['profile'], handler: ({ actor }) => getProfile(actor) }),
  PUT: update,
  PATCH: update,
});
