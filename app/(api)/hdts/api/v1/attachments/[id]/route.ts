import { deleteAttachmentEndpoint, downloadAttachmentEndpoint } from '@/lib/server/api/helpdesk';
import { route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({ GET: downloadAttachmentEndpoint, DELETE: deleteAttachmentEndpoint });
