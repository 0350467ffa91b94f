import { AppError } from '@/lib/domain/errors';

export const payloadTooLarge = (limit: number) =>
  new AppError(413, 'PAYLOAD_TOO_LARGE', 'Request body is too large', { max_bytes: limit });

/**
 * Read a request body of at most `limit` bytes. A declared Content-Length over the limit is refused before
 * reading; otherwise bytes are counted as they stream in (chunked bodies have no length) and the stream is
 * cancelled the moment the count passes the limit — so no body larger than the limit is ever held in memory.
 */
export async function readBodyLimited(req: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(req.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) {
    await req.body?.cancel().catch(() => {});
    throw payloadTooLarge(limit);
  }
  if (!req.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(new ArrayBuffer(size));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The body as UTF-8 text, within the limit; invalid UTF-8 becomes U+FFFD (then refused by the text check). */
export async function readTextLimited(req: Request, limit: number): Promise<string> {
  return new TextDecoder('utf-8').decode(await readBodyLimited(req, limit));
}
