import { deleteCommentEndpoint, updateCommentEndpoint } from '@/lib/server/api/helpdesk';
import { route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  PUT: updateCommentEndpoint,
  PATCH: updateCommentEndpoint,
  DELETE: deleteCommentEndpoint,
});
