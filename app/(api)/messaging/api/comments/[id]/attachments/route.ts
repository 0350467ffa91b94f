import fs from 'node:fs/promises';
import { addCommentAttachments, assertCanAttach } from '@/lib/domain/messaging/commands';
import { commentOutput } from '@/lib/domain/messaging/outputs';
import { commentIdParam } from '@/lib/domain/messaging/schemas';
import { endpoint, route } from '@/lib/server/http';
import { readMultipart } from '@/lib/server/uploads';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Attach files to your comment (multipart "file" fields; same size and type rules as ticket attachments)',
    tags: ['messaging'],
    output: commentOutput,
    params: commentIdParam,
    bodyType: 'multipart',
    responses: { 413: 'Over the size limit', 415: 'Type not allowed' },
    handler: async ({ actor, params, req }) => {
      await assertCanAttach(actor, params.id);
      const { files } = await readMultipart(req);
      try {
        return await addCommentAttachments(actor, params.id, files);
      } catch (e) {
        await Promise.all(files.map((f) => fs.rm(f.path, { force: true })));
        throw e;
      }
    },
  }),
});
