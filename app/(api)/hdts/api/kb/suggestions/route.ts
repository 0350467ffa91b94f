import { suggestionsOutput } from '@/lib/domain/knowledge/outputs';
import { suggestArticles } from '@/lib/domain/knowledge/queries';
import { suggestionQuery } from '@/lib/domain/knowledge/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'Articles that may answer a subject being typed',
    description:
      'The submit form asks this as the employee types: any of the words, the last one as a prefix, ranked; the given category ranks higher. Published articles the caller may read.',
    tags: ['knowledge'],
    output: suggestionsOutput,
    query: suggestionQuery,
    handler: ({ actor, query }) => suggestArticles(actor, query),
  }),
});
