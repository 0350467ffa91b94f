import { visualizationQuery } from '@/lib/domain/workflow/schemas';
import { workflowVisualization } from '@/lib/domain/workflow/task-queries';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: "Nodes and edges of a workflow, or of a task's version with its progress",
    tags: ['tasks'],
    query: visualizationQuery,
    handler: ({ actor, query }) => workflowVisualization(actor, query),
  }),
});
