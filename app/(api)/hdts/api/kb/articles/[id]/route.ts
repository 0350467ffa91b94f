import { updateArticle } from '@/lib/domain/knowledge/commands';
import { articleDetailOutput, articleSummaryOutput } from '@/lib/domain/knowledge/outputs';
import { getArticle } from '@/lib/domain/knowledge/queries';
import { articleParam, articleUpdateInput } from '@/lib/domain/knowledge/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'A knowledge article by id or slug',
    description:
      'Markdown source, sanitised HTML, breadcrumbs, related articles and the caller’s vote. 404 when the caller may not read it.',
    tags: ['knowledge'],
    output: articleDetailOutput,
    params: articleParam,
    handler: ({ actor, params }) => getArticle(actor, params.id),
  }),
  PATCH: endpoint({
    summary: 'Edit a knowledge article (adds a version)',
    description:
      'Knowledge editors. Send `expected_version` to refuse overwriting a newer save (409 VERSION_CONFLICT). Changing the category or visibility of a published article is for HDTS admins.',
    tags: ['knowledge'],
    output: articleSummaryOutput,
    params: articleParam,
    body: articleUpdateInput,
    handler: ({ actor, params, body }) => updateArticle(actor, params.id, body),
  }),
});
