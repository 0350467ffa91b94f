import { pageOutput } from '@/lib/domain/pagination';
import { performTransition } from '@/lib/domain/workflow/actions';
import { transitionOutcomeOutput, transitionOutput } from '@/lib/domain/workflow/outputs';
import { transitionActionInput, transitionsQuery } from '@/lib/domain/workflow/schemas';
import { listTransitions } from '@/lib/domain/workflow/workflow-queries';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'Transitions of a workflow',
    tags: ['transitions'],
    query: transitionsQuery,
    output: pageOutput(transitionOutput),
    responses: { 403: 'Not workflow staff', 404: 'No such workflow' },
    handler: ({ actor, query }) => listTransitions(actor, query),
  }),
  POST: endpoint({
    summary: 'Execute a transition on an assignment (000 §TTS→HDTS 2); without transition_id at an end step it finalizes',
    tags: ['transitions'],
    body: transitionActionInput,
    status: 200,
    output: transitionOutcomeOutput,
    responses: {
      400: 'INVALID_TRANSITION',
      403: 'Not the assignee',
      404: 'TASK_NOT_FOUND',
      409: 'ALREADY_COMPLETED or NO_ACTIVE_MEMBER',
    },
    handler: ({ actor, body }) => performTransition(actor, body),
  }),
});
