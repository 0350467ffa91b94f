import { createArticle } from '@/lib/domain/knowledge/commands';
import { articleListOutput, articleSummaryOutput } from '@/lib/domain/knowledge/outputs';
import { listArticles } from '@/lib/domain/knowledge/queries';
import { articleCreateInput, articleListQuery } from '@/lib/domain/knowledge/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'Browse or search knowledge articles',
    description:
      'Published articles the caller may read (employees: for everyone; staff: also staff-only). With `q`, PostgreSQL full-text search (stemmed, ranked) with highlighted snippets (`<mark>`). Editors may ask for drafts and archived articles with `status`.',
    tags: ['knowledge'],
    output: articleListOutput,
    query: articleListQuery,
    handler: ({ actor, query }) => listArticles(actor, query),
  }),
  POST: endpoint({
    summary: 'Create a knowledge article (draft)',
    description: 'Knowledge editors and HDTS admins. Category, sub-category and department are values of the help-desk catalog.',
    tags: ['knowledge'],
    output: articleSummaryOutput,
    body: articleCreateInput,
    responses: { 400: 'Validation error (title, category, body size...)', 403: 'Not a knowledge editor' },
    handler: ({ actor, body }) => createArticle(actor, body),
  }),
});
