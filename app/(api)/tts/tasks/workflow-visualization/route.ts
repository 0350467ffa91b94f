import { visualizationOutput } from '@/lib/domain/workflow/outputs';
import { visualizationQuery } from '@/lib/domain/workflow/schemas';
import { workflowVisualization } from '@/lib/domain/workflow/task-queries';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: "Nodes and edges of a workflow, or of a task's version with its progress",
    tags: ['tasks'],
    query: visualizationQuery,
    output: visualizationOutput,
    responses: { 403: 'Not workflow staff', 404: 'No such workflow or task (or not visible)' },
    handler: ({ actor, query }) => workflowVisualization(actor, query),
  }),
});
