import { knowledgeStatsOutput } from '@/lib/domain/knowledge/outputs';
import { knowledgeStats } from '@/lib/domain/knowledge/queries';
import { statsQuery } from '@/lib/domain/knowledge/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'Knowledge figures (admins)',
    description: 'Views and deflections per day, totals, most viewed, least helpful and most deflecting articles.',
    tags: ['knowledge'],
    output: knowledgeStatsOutput,
    query: statsQuery,
    handler: ({ actor, query }) => knowledgeStats(actor, query.days),
  }),
});
