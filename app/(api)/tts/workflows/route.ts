import { pageOutput } from '@/lib/domain/pagination';
import { createWorkflow } from '@/lib/domain/workflow/definitions';
import { workflowOutput, workflowSavedOutput } from '@/lib/domain/workflow/outputs';
import { workflowCreateInput, workflowListQuery } from '@/lib/domain/workflow/schemas';
import { listWorkflows } from '@/lib/domain/workflow/workflow-queries';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'List workflows (filters: status, category, department, is_published)',
    tags: ['workflows'],
    query: workflowListQuery,
    output: pageOutput(workflowOutput),
    responses: { 403: 'Not workflow staff' },
    handler: ({ actor, query }) => listWorkflows(actor, query),
  }),
  POST: endpoint({
    summary: 'Create a workflow (draft) with its steps and transitions in one request',
    tags: ['workflows'],
    body: workflowCreateInput,
    output: workflowSavedOutput,
    responses: { 403: 'Not a workflow administrator' },
    handler: ({ actor, body }) => createWorkflow(actor, body),
  }),
});
