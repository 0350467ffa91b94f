import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { notFound } from '@/lib/domain/errors';
import { ALLOWED_TYPES } from '@/lib/domain/helpdesk/attachment-rules';
import { commentAttachmentForDownload } from '@/lib/domain/messaging/commands';
import { attachmentParams } from '@/lib/domain/messaging/schemas';
import { endpoint, route } from '@/lib/server/http';
import { attachmentDir } from '@/lib/server/uploads';

/** A download answers with the file's own type: one of the types an upload may have. */
const ATTACHMENT_MEDIA_TYPES = [...new Set(Object.values(ALLOWED_TYPES).map((t) => t.mime))];

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'Download a comment attachment with its original file name',
    tags: ['messaging'],
    produces: ATTACHMENT_MEDIA_TYPES,
    params: attachmentParams,
    handler: async ({ actor, params }) => {
      const a = await commentAttachmentForDownload(actor, params.id, params.attachment_id);
      const file = path.join(attachmentDir(), path.basename(a.storagePath));
      if (!fs.existsSync(file)) throw notFound('Attachment file');
      const ascii = a.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
      return new Response(Readable.toWeb(fs.createReadStream(file)) as ReadableStream, {
        headers: {
          'Content-Type': a.contentType,
          'Content-Length': String(a.size),
          'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'private, no-store',
        },
      });
    },
  }),
});
