import { createComment } from '@/lib/domain/messaging/commands';
import { commentListOutput, commentWithRepliesOutput } from '@/lib/domain/messaging/outputs';
import { listComments } from '@/lib/domain/messaging/queries';
import { commentCreateBody, commentListQuery } from '@/lib/domain/messaging/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: "A ticket's comments with replies and ratings (internal ones only for coordinators, assigned agents, admins)",
    tags: ['messaging'],
    output: commentListOutput,
    query: commentListQuery,
    handler: ({ actor, query }) => listComments(actor, query),
  }),
  POST: endpoint({
    summary: 'Comment on a ticket (ticket_id = ticket number or integer id; parent_id for a reply; is_internal for staff)',
    tags: ['messaging'],
    output: commentWithRepliesOutput,
    body: commentCreateBody,
    handler: ({ actor, body }) => createComment(actor, body),
  }),
});
