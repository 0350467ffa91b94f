import { setCatalogEntryActive } from '@/lib/domain/helpdesk/catalog-admin';
import { catalogEntryOutput } from '@/lib/domain/helpdesk/catalog-view-outputs';
import { catalogEntryParam, catalogEntryUpdateInput } from '@/lib/domain/helpdesk/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  PATCH: endpoint({
    summary: 'Retire a catalog entry or offer it again (admins)',
    description:
      'A retired entry is no longer offered to new tickets and articles; everything filed under it keeps it. A category of a retired department is not offered either.',
    tags: ['catalog'],
    output: catalogEntryOutput,
    params: catalogEntryParam,
    body: catalogEntryUpdateInput,
    handler: ({ actor, params, body }) => setCatalogEntryActive(actor, params.kind, params.id, body.active),
  }),
});
