import { deleteComment, updateComment } from '@/lib/domain/messaging/commands';
import { commentOutput } from '@/lib/domain/messaging/outputs';
import { getComment } from '@/lib/domain/messaging/queries';
import { commentIdParam, commentUpdateBody } from '@/lib/domain/messaging/schemas';
import { endpoint, route } from '@/lib/server/http';

const update = endpoint({
  summary: 'Edit a comment (author or admin)',
  tags: ['messaging'],
  output: commentOutput,
  params: commentIdParam,
  body: commentUpdateBody,
  handler: ({ actor, params, body }) => updateComment(actor, params.id, body.text),
});

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'One comment',
    tags: ['messaging'],
    output: commentOutput,
    params: commentIdParam,
    handler: ({ actor, params }) => getComment(actor, params.id),
  }),
  PUT: update,
  PATCH: update,
  DELETE: endpoint({
    summary: 'Delete a comment and its replies (author or admin)',
    tags: ['messaging'],
    params: commentIdParam,
    status: 204,
    handler: ({ actor, params }) => deleteComment(actor, params.id),
  }),
});
