import { rateComment } from '@/lib/domain/messaging/commands';
import { commentOutput } from '@/lib/domain/messaging/outputs';
import { commentIdParam, rateBody } from '@/lib/domain/messaging/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Rate a comment thumbs_up or thumbs_down (one rating per user; rating again changes it)',
    tags: ['messaging'],
    output: commentOutput,
    params: commentIdParam,
    body: rateBody,
    status: 200,
    handler: ({ actor, params, body }) => rateComment(actor, params.id, body.rating),
  }),
});
