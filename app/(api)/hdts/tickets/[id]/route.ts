import { deleteTicketEndpoint, getTicketEndpoint, updateTicketEndpoint } from '@/lib/server/api/helpdesk';
import { route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: getTicketEndpoint,
  PUT: updateTicketEndpoint,
  PATCH: updateTicketEndpoint,
  DELETE: deleteTicketEndpoint,
});
