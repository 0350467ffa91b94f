import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors';
import { ALLOWED_EXTENSIONS, ALLOWED_TYPES, fileTypeNotAllowed } from './attachment-rules';

/** A file already streamed to storage by the HTTP adapter, checked and hashed. */
export interface StoredFile {
  filename: string;
  storedName: string;
  path: string;
  size: number;
  sha256: string;
  mimeType: string;
}

export { ALLOWED_EXTENSIONS } from './attachment-rules';

// Bidirectional controls let "invoice\u202Efdp.exe" look like "invoiceexe.pdf"; an unpaired surrogate is not text.
const BIDI_OR_LONE_SURROGATE = /^[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]$/;

/** A display-safe base name: no directories, no control or bidirectional characters, no leading dots. */
export function sanitizeFilename(name: string): string {
  const base = name.replace(/\\/g, '/').split('/').pop() ?? '';
  const cleaned = Array.from(base.normalize('NFC'))
    .filter(
      (ch) => ch.charCodeAt(0) >= 32 && ch.charCodeAt(0) !== 127 && !'<>:"|?*'.includes(ch) && !BIDI_OR_LONE_SURROGATE.test(ch),
    )
    .join('')
    .replace(/^[.\s]+/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(-200);
  return cleaned || 'file';
}

/**
 * The type is decided by the content: the extension must be allowed and the bytes must be of that type
 * (text types: no binary signature and no NUL bytes). Returns the MIME type to store.
 */
export function checkFileType(filename: string, detectedExt: string | undefined, head: Buffer): string {
  const ext = path.extname(filename).slice(1).toLowerCase();
  const rule = ALLOWED_TYPES[ext];
  const refuse = (why: string) =>
    new AppError(415, 'UNSUPPORTED_FILE_TYPE', `${filename}: ${why}. Allowed: ${ALLOWED_EXTENSIONS.join(', ')}`, {
      file: [why],
    });
  if (!rule) throw refuse(fileTypeNotAllowed(ext));
  if (rule.detected === null) {
    if (detectedExt || head.includes(0)) throw refuse(`content is not plain text (${detectedExt ?? 'binary'})`);
  } else if (!detectedExt || !rule.detected.includes(detectedExt)) {
    throw refuse(`content does not match .${ext} (${detectedExt ?? 'unknown'})`);
  }
  return rule.mime;
}

export async function removeFiles(files: { path: string }[]) {
  await Promise.all(files.map((f) => fs.rm(f.path, { force: true })));
}
