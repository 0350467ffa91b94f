import { addCatalogEntry, catalogTree } from '@/lib/domain/helpdesk/catalog-admin';
import { catalogEntryOutput, catalogTreeOutput } from '@/lib/domain/helpdesk/catalog-view-outputs';
import { catalogEntryInput } from '@/lib/domain/helpdesk/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'The whole catalog with ids and retired entries (admins)',
    tags: ['catalog'],
    output: catalogTreeOutput,
    handler: ({ actor }) => catalogTree(actor),
  }),
  POST: endpoint({
    summary: 'Add a department, category or sub-category (admins)',
    description:
      'Entries are never renamed or deleted (tickets, articles and workflows name them); add a new one and retire the old one instead.',
    tags: ['catalog'],
    output: catalogEntryOutput,
    body: catalogEntryInput,
    status: 201,
    handler: ({ actor, body }) => addCatalogEntry(actor, body),
  }),
});
