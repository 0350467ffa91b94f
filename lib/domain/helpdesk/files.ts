import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors';

/** A file already streamed to storage by the HTTP adapter, checked and hashed. */
export interface StoredFile {
  filename: string;
  storedName: string;
  path: string;
  size: number;
  sha256: string;
  mimeType: string;
}

/** 004's allowed types: extension → the content type detected from the bytes (null: plain text). */
const ALLOWED: Record<string, { detected: string[] | null; mime: string }> = {
  pdf: { detected: ['pdf'], mime: 'application/pdf' },
  doc: { detected: ['cfb'], mime: 'application/msword' },
  docx: { detected: ['docx', 'zip'], mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xls: { detected: ['cfb'], mime: 'application/vnd.ms-excel' },
  xlsx: { detected: ['xlsx', 'zip'], mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  png: { detected: ['png'], mime: 'image/png' },
  jpg: { detected: ['jpg'], mime: 'image/jpeg' },
  jpeg: { detected: ['jpg'], mime: 'image/jpeg' },
  gif: { detected: ['gif'], mime: 'image/gif' },
  zip: { detected: ['zip'], mime: 'application/zip' },
  txt: { detected: null, mime: 'text/plain' },
  log: { detected: null, mime: 'text/plain' },
  csv: { detected: null, mime: 'text/csv' },
  json: { detected: null, mime: 'application/json' },
  xml: { detected: null, mime: 'application/xml' },
};
export const ALLOWED_EXTENSIONS = Object.keys(ALLOWED);

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
  const rule = ALLOWED[ext];
  const refuse = (why: string) =>
    new AppError(415, 'UNSUPPORTED_FILE_TYPE', `${filename}: ${why}. Allowed: ${ALLOWED_EXTENSIONS.join(', ')}`, {
      file: [why],
    });
  if (!rule) throw refuse(`file type .${ext || '(none)'} is not allowed`);
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
