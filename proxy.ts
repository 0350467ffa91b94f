import { type NextRequest, NextResponse } from 'next/server';
import { securityHeaders } from './lib/server/security-headers';

/**
 * Security headers on every page and API response (static files get theirs from next.config.ts). Pages get a
 * Content-Security-Policy with a fresh nonce, which Next reads from the request and puts on its own scripts.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const headers = securityHeaders(pathname, nonce);
  const requestHeaders = new Headers(request.headers);
  if (headers.kind === 'page') {
    requestHeaders.set('x-nonce', nonce);
    requestHeaders.set('Content-Security-Policy', headers.values['Content-Security-Policy']);
    // the page asked for, so that a sign-in redirect can bring the reader back to it (deep links)
    const search = new URLSearchParams(request.nextUrl.search);
    search.delete('_rsc');
    const query = search.toString();
    requestHeaders.set('x-request-path', `${pathname}${query ? `?${query}` : ''}`);
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [k, v] of Object.entries(headers.values)) response.headers.set(k, v);
  return response;
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
};
