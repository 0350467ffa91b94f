/**
 * The API's route handlers served straight from Node's HTTP server. Every API route file is a `route()` of
 * Web-standard handlers (Request in, Response out) that needs nothing from Next's request context, so in
 * production server.ts calls them directly, without Next's router, proxy and rendering pipeline in front (the
 * CPU profile of a point read spent most of its time there). Pages, next-auth and static files still go
 * through Next. The route files stay the single definition of the API: Next serves the same handlers in
 * development, and the tests call them directly too.
 */

import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { Readable } from 'node:stream';
import { badRequest } from '@/lib/domain/errors';
import { errorBody } from './http';
import { ROUTE_MODULES } from './openapi/manifest';

type RouteModule = Record<string, unknown>;
type WebHandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

interface Node {
  statics: Map<string, Node>;
  param?: { name: string; node: Node };
  load?: () => Promise<RouteModule>;
}

const newNode = (): Node => ({ statics: new Map() });

function build(): Node {
  const root = newNode();
  for (const r of ROUTE_MODULES) {
    let n = root;
    for (const seg of r.path.split('/').filter(Boolean)) {
      const m = /^\{(.+)\}$/.exec(seg);
      if (m) {
        n.param ??= { name: m[1], node: newNode() };
        n = n.param.node;
      } else {
        let next = n.statics.get(seg);
        if (!next) n.statics.set(seg, (next = newNode()));
        n = next;
      }
    }
    n.load = r.load;
  }
  return root;
}

let tree: Node | undefined;
let apiRoots: Set<string> | undefined;

/** A path under one of the API's first segments (`/hdts`, `/tts`, `/auth`, …) whose escapes do not decode. */
function malformedApiPath(pathname: string): boolean {
  apiRoots ??= new Set(ROUTE_MODULES.map((r) => r.path.split('/')[1]));
  if (!apiRoots.has(pathname.split('/')[1] ?? '')) return false;
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/** The route file serving `pathname` and its path parameters; a fixed segment wins over a parameter. */
export function matchRoute(pathname: string): { load: () => Promise<RouteModule>; params: Record<string, string> } | null {
  tree ??= build();
  const segs = pathname.split('/').filter(Boolean);
  const walk = (n: Node, i: number, params: Record<string, string>): ReturnType<typeof matchRoute> => {
    if (i === segs.length) return n.load ? { load: n.load, params } : null;
    let seg: string;
    try {
      seg = decodeURIComponent(segs[i]);
    } catch {
      return null;
    }
    const fixed = n.statics.get(seg);
    const hit = fixed ? walk(fixed, i + 1, params) : null;
    if (hit) return hit;
    return n.param ? walk(n.param.node, i + 1, { ...params, [n.param.name]: seg }) : null;
  };
  return walk(tree, 0, {});
}

const modules = new Map<() => Promise<RouteModule>, Promise<RouteModule>>();

function toRequest(req: http.IncomingMessage, origin: string): Request {
  // req.headers, not rawHeaders: prepareForwarding (the trust boundary) has rewritten the forwarding headers there
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (Array.isArray(v)) for (const item of v) headers.append(k, item);
    else if (v !== undefined) headers.set(k, v);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit);
}

const lowerCase = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));

async function send(res: http.ServerResponse, response: Response, extra: Record<string, string>) {
  // the security headers first; one the handler set itself (a download's nosniff) replaces its copy
  const headers: Record<string, string | string[]> = lowerCase(extra);
  response.headers.forEach((v, k) => {
    if (k !== 'set-cookie') headers[k] = v;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  if (!response.body) {
    res.writeHead(response.status, headers).end();
    return;
  }
  // Small JSON answers (nearly all): one write with a known length instead of a chunked stream.
  if (!response.headers.has('content-disposition')) {
    const body = Buffer.from(await response.arrayBuffer());
    headers['content-length'] = String(body.length);
    res.writeHead(response.status, headers).end(body);
    return;
  }
  res.writeHead(response.status, headers);
  Readable.fromWeb(response.body as import('node:stream/web').ReadableStream).pipe(res);
}

/**
 * Serves the request when an API route file answers its path (true), else leaves it to Next (false).
 * `headersFor` adds the security headers the proxy gives Next's answers.
 */
export async function serveApi(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  origin: string,
  headersFor: (pathname: string) => Record<string, string>,
): Promise<boolean> {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const pathname = q === -1 ? url : url.slice(0, q);
  const hit = matchRoute(pathname);
  if (!hit) {
    if (!malformedApiPath(pathname)) return false;
    // Next answers a plain-text 500 for an API path it cannot decode: a client mistake gets the standard 400
    const traceId = randomUUID();
    const body = JSON.stringify(errorBody(badRequest('The address is not valid: a %-escape in it does not decode'), traceId));
    res
      .writeHead(400, { ...lowerCase(headersFor(pathname)), 'content-type': 'application/json', 'x-trace-id': traceId })
      .end(body);
    return true;
  }
  let mod = modules.get(hit.load);
  if (!mod) modules.set(hit.load, (mod = hit.load()));
  const handler = (await mod)[req.method ?? 'GET'] as WebHandler | undefined;
  if (!handler) return false;
  const response = await handler(toRequest(req, origin), { params: Promise.resolve(hit.params) });
  await send(res, response, headersFor(pathname));
  return true;
}
