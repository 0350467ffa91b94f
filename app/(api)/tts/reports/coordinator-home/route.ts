import { coordinatorHome } from '@/lib/domain/reporting/queries';
import { coordinatorHomeOutput, coordinatorHomeQuery } from '@/lib/domain/reporting/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: "The calling coordinator's home: owned open tickets by SLA state, triage queue, resolved this week, CSAT per week",
    tags: ['reports'],
    query: coordinatorHomeQuery,
    output: coordinatorHomeOutput,
    responses: { 403: 'Not a Ticket Coordinator' },
    handler: ({ actor, query }) => coordinatorHome(actor, query),
  }),
});
