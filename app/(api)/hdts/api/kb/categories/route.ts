import { knowledgeCategoriesOutput } from '@/lib/domain/knowledge/outputs';
import { knowledgeCategories } from '@/lib/domain/knowledge/queries';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'The catalog with article counts',
    description:
      'Departments, categories and sub-categories of the help desk with the number of articles the caller can read in each.',
    tags: ['knowledge'],
    output: knowledgeCategoriesOutput,
    handler: ({ actor }) => knowledgeCategories(actor),
  }),
});
