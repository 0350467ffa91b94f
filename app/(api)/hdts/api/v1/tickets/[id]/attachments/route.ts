import { listAttachmentsEndpoint, uploadAttachmentEndpoint } from '@/lib/server/api/helpdesk';
import { route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({ GET: listAttachmentsEndpoint, POST: uploadAttachmentEndpoint });
