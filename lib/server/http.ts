import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Actor } from '@/lib/domain/actor';
import { AppError, badRequest, type FieldErrors, forbidden, unauthenticated, validationFailed } from '@/lib/domain/errors';
import { Page } from '@/lib/domain/pagination';
import { type AuthVia, authenticate } from './authn';
import { readTextLimited } from './body';
import { clientIpOf } from './client-ip';
import { onCommit } from './db';
import { appOrigin, env } from './env';
import { logger } from './logger';
import { consume, type RateBucket } from './ratelimit';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export const METHODS: Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  traceId: string;
}

type Auth = 'user' | 'public' | 'apiKey' | 'apiKeyOrUser';
type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface Endpoint<A extends Auth, P, Q, B> {
  summary: string;
  description?: string;
  tags?: string[];
  /**
   * `user` (default): a signed-in user; `public`: anyone; `apiKey`: a service with X-API-Key; `apiKeyOrUser`: a
   * service with X-API-Key (then `actor` is null and `via` is `apiKey`) or else a signed-in user.
   */
  auth?: A;
  params?: P;
  query?: Q;
  body?: B;
  /** `multipart`: the handler reads the request itself; `body` then only documents the fields. */
  bodyType?: 'json' | 'multipart';
  /** Rate-limit bucket; defaults to `default` for authenticated calls. */
  rateLimit?: RateBucket | false;
  status?: number;
  /** Extra documented responses: status → description. */
  responses?: Record<number, string>;
  /**
   * The success answer's schema (zod, in the domain's schemas.ts): documented as the response in the OpenAPI
   * document; the contract test validates real answers against it.
   */
  output?: z.ZodType;
  /**
   * A success answer that is not JSON (a download, CSV, a page): its media type, documented as binary; a list when
   * the answer takes one of several (a download answers with the file's own type); beside `output` when an option
   * of the request (format=csv) answers in it instead of JSON.
   */
  produces?: string | readonly string[];
  handler: (ctx: {
    actor: [A] extends ['user'] ? Actor : Actor | null;
    params: Infer<P>;
    query: Infer<Q>;
    body: Infer<B>;
    req: Request;
    meta: RequestMeta;
    via: AuthVia | 'apiKey' | null;
  }) => Promise<unknown> | unknown;
}

// biome-ignore lint/suspicious/noExplicitAny: an endpoint of any schemas; `unknown` would make every concrete handler unassignable (parameter variance).
export type AnyEndpoint = Endpoint<Auth, any, any, any>;
export type Handler = ((req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>) & {
  endpoint?: AnyEndpoint;
};

/** A handler result with its own status, headers or cookies. */
export class Reply {
  constructor(
    readonly body: unknown,
    readonly init: { status?: number; headers?: Record<string, string>; cookies?: string[] } = {},
  ) {}
}

export function errorBody(err: AppError, traceId: string) {
  const title: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    409: 'Conflict',
    413: 'Payload Too Large',
    415: 'Unsupported Media Type',
    422: 'Validation Error',
    429: 'Rate Limit Exceeded',
    500: 'Internal Server Error',
    503: 'Service Unavailable',
  };
  return {
    status: 'error',
    code: err.code,
    error: err.code === 'VALIDATION_ERROR' ? 'Validation Error' : (title[err.status] ?? 'Error'),
    message: err.message,
    details: { ...err.details, trace_id: traceId },
    ...(err.status === 429 && typeof err.details.retry_after === 'number' ? { retry_after: err.details.retry_after } : {}),
    timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

export function errorResponse(err: AppError, traceId: string, extraHeaders: Record<string, string> = {}): Response {
  return Response.json(errorBody(err, traceId), {
    status: err.status,
    headers: { ...extraHeaders, ...err.headers, 'X-Trace-Id': traceId },
  });
}

export function fieldErrors(error: z.ZodError, prefix?: string): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || 'non_field_errors';
    let message = issue.message;
    if (issue.code === 'invalid_type' && /received undefined/i.test(message)) message = 'This field is required';
    (out[key] ??= []).push(message);
  }
  return out;
}

const UNAVAILABLE_CODES = new Set([
  // Prisma: cannot reach / timed out / closed / pool exhausted
  'P1001',
  'P1002',
  'P1008',
  'P1017',
  'P2024',
  // node-postgres and the socket beneath it
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  // PostgreSQL: shutting down, starting up, connection failures, too many connections
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300',
]);
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
// An interactive transaction that outlived its timeout (Prisma's P2028 "expired transaction"): the process or the
// database was too busy to finish it in time (seen under the mixed-load benchmark); the request can be retried.
const UNAVAILABLE_MESSAGE =
  /A query cannot be executed on an expired transaction|Connection terminated|connection (?:refused|closed|reset)|terminating connection|the database system is (?:starting up|shutting down)|Can't reach database server|Timed out fetching a new connection|Client has encountered a connection error/i;

/** True when an error means the database is down or unreachable (not a bad query): answered 503. */
export function isDatabaseUnavailable(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 6; depth++) {
    const x = cur as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown };
    if (typeof x.code === 'string' && UNAVAILABLE_CODES.has(x.code)) return true;
    if (typeof x.originalCode === 'string' && UNAVAILABLE_CODES.has(x.originalCode)) return true;
    if (typeof x.kind === 'string' && UNAVAILABLE_KINDS.has(x.kind)) return true;
    if (typeof x.message === 'string' && UNAVAILABLE_MESSAGE.test(x.message)) return true;
    cur = x.cause;
  }
  return false;
}

const RETRY_AFTER_SECONDS = 5;

/** Map anything thrown to the one error format; unexpected errors are logged with their trace id. */
export function toAppError(e: unknown, traceId: string): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof z.ZodError) return validationFailed(fieldErrors(e));
  if (isDatabaseUnavailable(e)) {
    logger.warn('database unavailable', { traceId, error: e instanceof Error ? e.message : String(e) });
    return new AppError(
      503,
      'SERVICE_UNAVAILABLE',
      'The service is briefly unavailable. Please try again in a few seconds.',
      { retry_after: RETRY_AFTER_SECONDS },
      { 'Retry-After': String(RETRY_AFTER_SECONDS) },
    );
  }
  const code = (e as { code?: string })?.code;
  if (code === 'P2025') return new AppError(404, 'NOT_FOUND', 'Resource not found');
  if (code === 'P2002') return new AppError(409, 'DUPLICATE_RESOURCE', 'Resource already exists');
  // Values PostgreSQL cannot store (out of range, invalid text) are the client's mistake, never a 500.
  if (code === 'P2020' || code === 'P2033' || code === 'P2007' || code === '22003' || code === '22021' || code === '22P05')
    return badRequest('A value is out of range or not valid text', {}, 'INVALID_VALUE');
  logger.error('unhandled error', { traceId, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  return new AppError(500, 'INTERNAL_ERROR', 'An unexpected error occurred');
}

export function requestMeta(req: Request): RequestMeta {
  return {
    ip: clientIpOf(req.headers),
    userAgent: req.headers.get('user-agent'),
    traceId: req.headers.get('x-request-id')?.slice(0, 64) || randomUUID(),
  };
}

function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

async function readJson(req: Request): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  const text = await readTextLimited(req, env.REQUEST_BODY_MAX_BYTES);
  if (!text.trim()) return {};
  if (type && !/json/i.test(type)) {
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError(400, 'INVALID_JSON', 'Request body is not valid JSON');
  }
}

const INT4_MAX = 2_147_483_647;
// NUL cannot be stored in PostgreSQL text; an unpaired surrogate is not text at all.
const UNSAFE_TEXT = new RegExp(
  `${String.fromCharCode(0)}|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]`,
);

/**
 * Values no field may hold, found anywhere in parsed input: text with NUL or unpaired surrogates, and integers
 * beyond PostgreSQL's 32-bit `integer` (every id and count here). Refused as field errors before any write.
 */
export function unsafeValues(value: unknown, path: string[] = [], out: FieldErrors = {}): FieldErrors {
  const key = () => path.join('.') || 'non_field_errors';
  if (typeof value === 'string') {
    if (UNSAFE_TEXT.test(value)) (out[key()] ??= []).push('Text may not contain NUL characters or unpaired surrogates');
  } else if (typeof value === 'number') {
    if (Number.isInteger(value) && Math.abs(value) > INT4_MAX) (out[key()] ??= []).push(`Must be at most ${INT4_MAX}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      unsafeValues(v, [...path, String(i)], out);
    });
  } else if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) {
      if (UNSAFE_TEXT.test(k)) (out[[...path, k].join('.')] ??= []).push('Field names may not contain NUL characters');
      else unsafeValues(v, [...path, k], out);
    }
  }
  return out;
}

function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw validationFailed(fieldErrors(result.error, where === 'body' ? undefined : where));
  }
  const bad = unsafeValues(result.data, where === 'body' ? [] : [where]);
  if (Object.keys(bad).length) throw validationFailed(bad);
  return result.data;
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/**
 * Cookie-authenticated writes must come from our own origin (SameSite=Lax plus an Origin check): scheme, host
 * and port equal to the configured APP_URL's, never what a request's Host or X-Forwarded-Host claims.
 */
function assertSameOrigin(req: Request) {
  const origin = req.headers.get('origin');
  if (!origin) return;
  if (origin !== appOrigin()) throw forbidden('Cross-site request refused');
}

function serialize(result: unknown, url: URL, status: number, headers: Record<string, string>): Response {
  if (result instanceof Response) {
    for (const [k, v] of Object.entries(headers)) result.headers.set(k, v);
    return result;
  }
  if (result instanceof Reply) {
    const h = new Headers({ ...headers, ...result.init.headers });
    for (const c of result.init.cookies ?? []) h.append('Set-Cookie', c);
    const s = result.init.status ?? status;
    if (s === 204 || result.body === undefined) return new Response(null, { status: s === 200 ? 204 : s, headers: h });
    return Response.json(result.body instanceof Page ? result.body.toJSON(url) : result.body, { status: s, headers: h });
  }
  if (result === undefined || status === 204) return new Response(null, { status: 204, headers });
  return Response.json(result instanceof Page ? result.toJSON(url) : result, { status, headers });
}

/** Per request: whether a transaction of this request has committed (see onCommit in db.ts). */
const requestScope = new AsyncLocalStorage<{ committed: boolean; userId: number | null }>();
onCommit(() => {
  const scope = requestScope.getStore();
  if (scope) scope.committed = true;
});

/**
 * The request log (000/004): one line per request with what an operator needs to find it — never a body, a query
 * string or a header, so no secret or personal text reaches the log.
 */
function logRequest(req: Request, res: Response, started: number, userId: number | null) {
  if (!env.REQUEST_LOG) return;
  logger.info('request', {
    method: req.method,
    path: new URL(req.url).pathname,
    status: res.status,
    duration_ms: Math.round((performance.now() - started) * 10) / 10,
    user_id: userId,
    trace_id: res.headers.get('X-Trace-Id'),
  });
}

function handlerFor(method: Method, endpoint: AnyEndpoint): Handler {
  const handler: Handler = (req, ctx) =>
    requestScope.run({ committed: false, userId: null }, async () => {
      const started = performance.now();
      const res = await run(req, ctx);
      logRequest(req, res, started, requestScope.getStore()?.userId ?? null);
      return res;
    });
  const run: Handler = async (req, ctx) => {
    const meta = requestMeta(req);
    let rateHeaders: Record<string, string> = {};
    const status = endpoint.status ?? (method === 'POST' ? 201 : 200);
    try {
      const url = new URL(req.url);
      const auth = endpoint.auth ?? 'user';
      let actor: Actor | null = null;
      let via: AuthVia | 'apiKey' | null = null;
      if (auth === 'apiKey' || (auth === 'apiKeyOrUser' && req.headers.has('x-api-key'))) {
        const key = req.headers.get('x-api-key') ?? '';
        const keys = env.SERVICE_API_KEYS;
        if (!key || !keys.some((k) => safeEqual(k, key))) throw unauthenticated('A valid X-API-Key header is required');
        via = 'apiKey';
      } else {
        const who = await authenticate(req.headers, meta);
        actor = who?.actor ?? null;
        via = who?.via ?? null;
        const scope = requestScope.getStore();
        if (scope && actor) scope.userId = actor.id;
        if ((auth === 'user' || auth === 'apiKeyOrUser') && !actor) throw unauthenticated();
        if (who && who.via !== 'bearer' && method !== 'GET') assertSameOrigin(req);
      }
      const bucket = endpoint.rateLimit ?? (actor ? 'default' : false);
      if (bucket) {
        const key = bucket === 'token' || !actor ? `ip:${meta.ip ?? 'unknown'}` : `user:${actor.id}`;
        rateHeaders = await consume(bucket, key);
      }
      const params = endpoint.params ? parse(endpoint.params, await ctx.params, 'params') : undefined;
      const query = endpoint.query ? parse(endpoint.query, queryObject(url), 'query') : undefined;
      let body: unknown;
      if (endpoint.body && endpoint.bodyType !== 'multipart') body = parse(endpoint.body, await readJson(req), 'body');
      const result = await endpoint.handler({ actor: actor as Actor, params, query, body, req, meta, via });
      return serialize(result, url, status, { ...rateHeaders, 'X-Trace-Id': meta.traceId });
    } catch (e) {
      // The change was committed and only what came after (a read for the answer) met the outage: never report
      // failure for a change that was made.
      if (requestScope.getStore()?.committed && isDatabaseUnavailable(e)) {
        logger.warn('database unavailable after commit', { traceId: meta.traceId });
        return serialize(
          status === 204 ? undefined : { status: 'success', message: 'The change was saved. Reload to see the result.' },
          new URL(req.url),
          status,
          { ...rateHeaders, 'X-Trace-Id': meta.traceId },
        );
      }
      return errorResponse(toAppError(e, meta.traceId), meta.traceId, rateHeaders);
    }
  };
  handler.endpoint = endpoint;
  return handler;
}

function methodNotAllowed(allowed: string[]): Handler {
  return async (req) => {
    const meta = requestMeta(req);
    return errorResponse(
      new AppError(405, 'METHOD_NOT_ALLOWED', `Method "${req.method}" not allowed. Allowed: ${allowed.join(', ')}`, {
        allowed,
      }),
      meta.traceId,
      { Allow: allowed.join(', ') },
    );
  };
}

/**
 * The one route wrapper. A route file is:
 *   export const { GET, POST, PUT, PATCH, DELETE } = route({ POST: endpoint({ summary, body, handler }) });
 * Methods not given answer 405 in the standard error format.
 */
export function route(endpoints: Partial<Record<Method, AnyEndpoint>>): Record<Method, Handler> {
  const defined = METHODS.filter((m) => endpoints[m]);
  const out = {} as Record<Method, Handler>;
  for (const m of METHODS) {
    const ep = endpoints[m];
    out[m] = ep ? handlerFor(m, ep) : methodNotAllowed(defined);
  }
  return out;
}

/** An endpoint for signed-in users (the default); the handler's `actor` is never null. */
export function endpoint<P = undefined, Q = undefined, B = undefined>(
  e: Omit<Endpoint<'user', P, Q, B>, 'auth'>,
): Endpoint<'user', P, Q, B> {
  return { ...e, auth: 'user' };
}

/**
 * An endpoint open to anyone (`public`), to services with an X-API-Key (`apiKey`), or to either a service with a
 * key or a signed-in user (`apiKeyOrUser`).
 */
export function openEndpoint<P = undefined, Q = undefined, B = undefined>(
  e: Endpoint<'public' | 'apiKey' | 'apiKeyOrUser', P, Q, B> & { auth: 'public' | 'apiKey' | 'apiKeyOrUser' },
): Endpoint<'public' | 'apiKey' | 'apiKeyOrUser', P, Q, B> {
  return e;
}

/** A catch-all for unknown paths under a service prefix. */
export function notFoundRoute(): Record<Method, Handler> {
  const h: Handler = async (req) => {
    const meta = requestMeta(req);
    return errorResponse(new AppError(404, 'NOT_FOUND', `No endpoint at ${new URL(req.url).pathname}`), meta.traceId);
  };
  return { GET: h, POST: h, PUT: h, PATCH: h, DELETE: h };
}
