import path from 'node:path';
import { env } from '@/lib/server/env';

/** Where attachments live on disk (ATTACHMENT_DIR, default DATA_DIR/attachments); names are server-made UUIDs. */
export const attachmentDir = () => path.resolve(env.ATTACHMENT_DIR ?? path.join(env.DATA_DIR, 'attachments'));
export const attachmentPath = (storedName: string) => path.join(attachmentDir(), path.basename(storedName));
