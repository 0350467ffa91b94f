import { roleListOutput } from '@/lib/domain/identity/outputs';
import { listRoles } from '@/lib/domain/identity/queries';
import { pageQuery } from '@/lib/domain/pagination';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'List TTS roles (staff)',
    tags: ['roles'],
    query: pageQuery,
    output: roleListOutput,
    handler: ({ actor, query }) => listRoles(actor, { ...query, system: 'tts' }),
  }),
});
