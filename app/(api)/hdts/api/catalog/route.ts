import { catalogOutput } from '@/lib/domain/helpdesk/catalog-view-outputs';
import { catalog } from '@/lib/domain/helpdesk/queries';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'Departments, categories and sub-categories (001 §2) for the submit form',
    tags: ['catalog'],
    output: catalogOutput,
    handler: () => catalog(),
  }),
});
