import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { fileTypeFromFile } from 'file-type';
import { AppError } from '@/lib/domain/errors';
import { fileTooLargeMessage, MAX_FILES } from '@/lib/domain/helpdesk/attachment-rules';
import { checkFileType, removeFiles, type StoredFile, sanitizeFilename } from '@/lib/domain/helpdesk/files';
import { env } from './env';

export { attachmentDir } from '@/lib/domain/helpdesk/storage';

import { attachmentDir } from '@/lib/domain/helpdesk/storage';

export { MAX_FILES } from '@/lib/domain/helpdesk/attachment-rules';

const FIELD_BYTES = 64 * 1024;

const tooLarge = () =>
  new AppError(413, 'PAYLOAD_TOO_LARGE', fileTooLargeMessage(env.ATTACHMENT_MAX_BYTES), {
    max_bytes: env.ATTACHMENT_MAX_BYTES,
  });

export const isMultipart = (req: Request) => /^multipart\/form-data/i.test(req.headers.get('content-type') ?? '');

/**
 * Stream a multipart body to disk: each file hashed (SHA-256) as it is written, never held whole in
 * memory; refused with 413 before reading when Content-Length is already over the limit, and while
 * streaming when a file passes it. Types are then checked by content.
 */
export async function readMultipart(
  req: Request,
  opts: { maxFiles?: number } = {},
): Promise<{ fields: Record<string, string>; files: StoredFile[] }> {
  const maxFiles = opts.maxFiles ?? MAX_FILES;
  const limit = env.ATTACHMENT_MAX_BYTES;
  // The most a valid request can carry: every file at the limit, the form fields and the multipart framing.
  const bodyLimit = limit * maxFiles + FIELD_BYTES * 24;
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > bodyLimit) {
    await req.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (!isMultipart(req) || !req.body) {
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request as multipart/form-data');
  }
  const dir = attachmentDir();
  await fs.promises.mkdir(dir, { recursive: true });
  const fields: Record<string, string> = {};
  const files: StoredFile[] = [];
  const writes: Promise<void>[] = [];
  let failure: AppError | null = null;

  let bb: busboy.Busboy;
  try {
    bb = busboy({
      headers: Object.fromEntries(req.headers.entries()),
      limits: { fileSize: limit, files: maxFiles, fields: 20, fieldSize: FIELD_BYTES },
      defParamCharset: 'utf8',
    });
  } catch {
    throw new AppError(400, 'INVALID_MULTIPART', 'Malformed multipart body');
  }
  bb.on('field', (name, value) => {
    fields[name] = value;
  });
  bb.on('fieldsLimit', () => {
    failure ??= new AppError(400, 'TOO_MANY_FIELDS', 'Too many form fields');
  });
  bb.on('filesLimit', () => {
    failure ??= new AppError(400, 'TOO_MANY_FILES', `At most ${maxFiles} files per request`, {
      files: [`At most ${maxFiles} files`],
    });
  });
  bb.on('file', (_name, stream, info) => {
    if (!info.filename) {
      stream.resume();
      return;
    }
    const storedName = randomUUID();
    const target = path.join(dir, storedName);
    const hash = createHash('sha256');
    let size = 0;
    const record: StoredFile = {
      filename: sanitizeFilename(info.filename),
      storedName,
      path: target,
      size: 0,
      sha256: '',
      mimeType: '',
    };
    files.push(record);
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      hash.update(chunk);
    });
    stream.on('limit', () => {
      failure ??= tooLarge();
    });
    writes.push(
      pipeline(stream, fs.createWriteStream(target)).then(() => {
        record.size = size;
        record.sha256 = hash.digest('hex');
      }),
    );
  });

  // Chunked bodies declare no length: count while streaming and stop at the limit.
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      received += chunk.length;
      if (received > bodyLimit) {
        failure ??= tooLarge();
        done(failure);
        return;
      }
      done(null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(req.body as never), counter, bb);
    await Promise.all(writes);
    if (failure) throw failure;
    for (const f of files) {
      const detected = await fileTypeFromFile(f.path);
      const head = Buffer.alloc(Math.min(f.size, 8192));
      const fh = await fs.promises.open(f.path, 'r');
      try {
        await fh.read(head, 0, head.length, 0);
      } finally {
        await fh.close();
      }
      f.mimeType = checkFileType(f.filename, detected?.ext, head);
    }
    return { fields, files };
  } catch (e) {
    await Promise.allSettled(writes);
    await removeFiles(files);
    if (e instanceof AppError) throw e;
    if (failure) throw failure;
    throw new AppError(400, 'INVALID_MULTIPART', 'Malformed multipart body');
  }
}
