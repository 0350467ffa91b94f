'use client';

/**
 * The one UI write path: JSON (or FormData) to our REST API with the session cookie.
 * Throws ApiError carrying the standard error body, so forms can show field errors.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string[]>,
  ) {
    super(message);
  }
}

export async function api<T = unknown>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  init: { onUploadProgress?: (fraction: number) => void } = {},
): Promise<T> {
  if (body instanceof FormData && init.onUploadProgress) return upload<T>(method, path, body, init.onUploadProgress);
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body instanceof FormData || body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
  });
  return parse<T>(res.status, await res.text());
}

function parse<T>(status: number, text: string): T {
  let data: { code?: string; message?: string; details?: Record<string, unknown> } | null = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    /* non-JSON */
  }
  if (status === 401 && data?.code === 'UNAUTHENTICATED') sessionEnded();
  if (status >= 400) {
    const { trace_id: _t, ...details } = (data?.details ?? {}) as Record<string, unknown>;
    const fields = Object.fromEntries(Object.entries(details).filter(([, v]) => Array.isArray(v))) as Record<string, string[]>;
    throw new ApiError(status, data?.code ?? 'ERROR', data?.message ?? `Request failed (${status})`, fields);
  }
  return data as T;
}

/** XHR for uploads, because fetch cannot report upload progress. */
function upload<T>(method: string, path: string, body: FormData, onProgress: (f: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      try {
        resolve(parse<T>(xhr.status, xhr.responseText));
      } catch (e) {
        reject(e);
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', 'Network error: check your connection', {}));
    xhr.send(body);
  });
}

export const SESSION_ENDED_MESSAGE = 'Your session has ended. Sign in again: what you typed is kept.';

/**
 * The portal session itself has ended (signed out elsewhere, password changed, expired): go to sign-in and come
 * back here afterwards. Drafts (lib/client/drafts.ts) are already in the browser, so nothing typed is lost.
 * The return path is this page's own path, which the login page checks again (same-origin only).
 */
function sessionEnded() {
  if (typeof window === 'undefined' || window.location.pathname.startsWith('/login')) return;
  const back = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/login?callbackUrl=${encodeURIComponent(back)}&expired=1`);
  throw new ApiError(401, 'UNAUTHENTICATED', SESSION_ENDED_MESSAGE, {});
}

/** A field's first error message, for showing next to the field. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fields[field]?.[0] : undefined;
}
