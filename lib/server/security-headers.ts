import { BASE_HEADERS } from './base-headers';
import { appOrigin, env } from './env';

export { BASE_HEADERS };

/** Paths of the REST API and other non-page responses (JSON, downloads, the OpenAPI document). */
const API_PREFIXES = ['/auth/', '/hdts/', '/tts/', '/messaging/', '/notifications/', '/ops/', '/api/'];

/** Swagger UI pages: `/api/docs` (and its assets) and each service's `/docs` and `/redoc` aliases. */
const VIEWER = /^\/(?:auth|hdts|tts|messaging|notifications)\/(?:docs|redoc)\/?$/;
const isDocsViewer = (pathname: string) => pathname === '/api/docs' || pathname.startsWith('/api/docs/') || VIEWER.test(pathname);

const policy = (directives: string[]) => directives.join('; ');

/**
 * The headers of one response. Pages: scripts only with this request's nonce (and what they load, 'strict-dynamic');
 * styles may be inline (React style attributes, toasts and the workflow canvas set them). API responses and
 * downloads: nothing may run or be framed. Swagger UI (/api/docs, <service>/docs, <service>/redoc): its own script and styles. HSTS when the app's
 * public URL is HTTPS.
 */
export function securityHeaders(pathname: string, nonce: string): { kind: 'page' | 'api'; values: Record<string, string> } {
  const values: Record<string, string> = { ...BASE_HEADERS };
  if (appOrigin().startsWith('https:')) values['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains';
  const dev = env.NODE_ENV === 'development';
  if (isDocsViewer(pathname)) {
    values['Content-Security-Policy'] = policy([
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ]);
    return { kind: 'api', values };
  }
  const isApi = pathname === '/health' || API_PREFIXES.some((p) => pathname.startsWith(p));
  if (isApi) {
    values['Content-Security-Policy'] = policy(["default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'"]);
    return { kind: 'api', values };
  }
  values['Content-Security-Policy'] = policy([
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ]);
  return { kind: 'page', values };
}
