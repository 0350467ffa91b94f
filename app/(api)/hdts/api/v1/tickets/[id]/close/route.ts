import { closeEndpoint } from '@/lib/server/api/helpdesk';
import { route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({ POST: closeEndpoint });
