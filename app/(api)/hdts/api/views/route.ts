import { savedViewListOutput, savedViewOutput } from '@/lib/domain/helpdesk/catalog-view-outputs';
import { viewInput } from '@/lib/domain/helpdesk/schemas';
import { createView, listViews } from '@/lib/domain/helpdesk/views';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'Saved views of the caller and the shared ones (staff): each a name and a list URL (filters and sort)',
    tags: ['views'],
    output: savedViewListOutput,
    handler: ({ actor }) => listViews(actor),
  }),
  POST: endpoint({
    summary: 'Save a view (staff): a name and the list URL; `shared` (admins) shows it to all staff',
    tags: ['views'],
    output: savedViewOutput,
    body: viewInput,
    status: 201,
    handler: ({ actor, body }) => createView(actor, body),
  }),
});
