/**
 * The attachment rules of spec 004, shared by the upload checks on the server (files.ts, uploads.ts) and the
 * browser, which refuses a file at choice time with the same words. The size limit is configuration
 * (`ATTACHMENT_MAX_BYTES`), handed to the browser by the page. No Node imports: this module ships to the browser.
 */

/** Allowed extensions → the content type detected from the bytes (null: plain text) and the MIME type stored. */
export const ALLOWED_TYPES: Record<string, { detected: string[] | null; mime: string }> = {
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
export const ALLOWED_EXTENSIONS = Object.keys(ALLOWED_TYPES);
/** The media types a download may answer with (each allowed file type's own). */
export const ALLOWED_MEDIA_TYPES = [...new Set(Object.values(ALLOWED_TYPES).map((t) => t.mime))];
/** For `<input type="file" accept>`. */
export const ACCEPT_ATTRIBUTE = ALLOWED_EXTENSIONS.map((e) => `.${e}`).join(',');
/** Files per request (a ticket, a reply). */
export const MAX_FILES = 5;

export const extensionOf = (filename: string) => {
  const base = filename.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
};

export const megabytes = (bytes: number) => Math.floor((bytes / 1024 / 1024) * 10) / 10;

export const fileTooLargeMessage = (maxBytes: number) => `Each file may be at most ${megabytes(maxBytes)} MB`;
export const fileTypeNotAllowed = (ext: string) => `file type .${ext || '(none)'} is not allowed`;

/**
 * What the browser can check before uploading (the name's extension and the size); the server checks the
 * bytes as well. Returns the reason to refuse, or null.
 */
export function refuseChosenFile(file: { name: string; size: number }, maxBytes: number): string | null {
  const ext = extensionOf(file.name);
  if (!ALLOWED_TYPES[ext]) return `${file.name}: ${fileTypeNotAllowed(ext)}. Allowed: ${ALLOWED_EXTENSIONS.join(', ')}`;
  if (file.size > maxBytes) return `${file.name}: ${fileTooLargeMessage(maxBytes)}`;
  return null;
}

/** Image types a browser shows inline: their attachments get a thumbnail and a larger view (the download URL). */
export const PREVIEW_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
const PREVIEW_IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp'];

/**
 * Whether an attachment is an image to preview: by its stored type (checked from the bytes at upload, files.ts),
 * or by its name's extension where a list carries no type.
 */
export function isPreviewableImage(a: { filename: string; content_type?: string | null }): boolean {
  if (a.content_type) return PREVIEW_IMAGE_TYPES.includes(a.content_type.toLowerCase());
  return PREVIEW_IMAGE_EXTENSIONS.includes(extensionOf(a.filename));
}
