import { createTicketV1Endpoint, listTicketsEndpoint } from '@/lib/server/api/helpdesk';
import { route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({ GET: listTicketsEndpoint, POST: createTicketV1Endpoint });
