/**
 * Call route handlers the way Next does (a real Request in, a real Response out), against the real
 * database. Authentication goes through the real token endpoint's machinery.
 */
import { randomUUID } from 'node:crypto';
import { login } from '@/lib/domain/identity/commands';
import { db } from '@/lib/server/db';
import type { Handler, Method } from '@/lib/server/http';

export const PASSWORD = 'Switchboard!2026';
type RouteModule = Partial<Record<Method, Handler>>;

export interface CallOptions {
  token?: string | null;
  body?: unknown;
  rawBody?: BodyInit;
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean | (string | number)[]>;
  params?: Record<string, string | number>;
  ip?: string;
}

export interface CallResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
  response: Response;
}

/** Invoke `mod[method]` for `path` (only used to build the URL; params come from `params`). */
export async function call<T = any>(
  mod: RouteModule,
  method: Method,
  path: string,
  opts: CallOptions = {},
): Promise<CallResult<T>> {
  const url = new URL(`http://localhost${path}`);
  for (const [k, v] of Object.entries(opts.query ?? {})) {
    for (const item of Array.isArray(v) ? v : [v]) url.searchParams.append(k, String(item));
  }
  const headers = new Headers(opts.headers);
  if (opts.token) headers.set('authorization', `Bearer ${opts.token}`);
  headers.set(
    'x-forwarded-for',
    opts.ip ?? `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  );
  let body: BodyInit | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers.set('content-type', 'application/json');
  }
  const handler = mod[method];
  if (!handler) throw new Error(`route has no ${method}`);
  const params = Object.fromEntries(Object.entries(opts.params ?? {}).map(([k, v]) => [k, String(v)]));
  const response = await handler(new Request(url, { method, headers, body }), { params: Promise.resolve(params) });
  const text = await response.clone().text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: response.status, body: parsed as T, headers: response.headers, response };
}

const tokenCache = new Map<string, string>();

/** An access token for a user (demo users by username, e.g. 'admin', 'employee1'). */
export async function tokenFor(username: string, password = PASSWORD): Promise<string> {
  const cached = tokenCache.get(username);
  if (cached) return cached;
  const result = await login({ ip: '127.0.0.1', userAgent: 'vitest' }, { username, password });
  tokenCache.set(username, result.access);
  return result.access;
}

/** A new user with the given roles, e.g. makeUser([['hdts','Employee']]). */
export async function makeUser(
  roles: ['hdts' | 'tts', string][] = [],
  overrides: { isActive?: boolean; password?: string } = {},
) {
  const { hashPassword } = await import('@/lib/domain/identity/password');
  const suffix = randomUUID().slice(0, 8);
  const user = await db.user.create({
    data: {
      username: `user_${suffix}`,
      email: `user_${suffix}@example.test`,
      firstName: 'Test',
      lastName: suffix,
      passwordHash: await hashPassword(overrides.password ?? PASSWORD),
      isActive: overrides.isActive ?? true,
    },
  });
  for (const [system, name] of roles) {
    const role = await db.role.upsert({ where: { system_name: { system, name } }, create: { system, name }, update: {} });
    await db.userRole.create({ data: { userId: user.id, roleId: role.id } });
  }
  return user;
}

/** Tables whose rows a rejected request must leave exactly as they were. */
export const DEFAULT_TABLES = [
  'identity.users',
  'identity.user_roles',
  'identity.roles',
  'identity.refresh_tokens',
  'audit.audit_log',
];

/**
 * A digest of every row of the given tables (md5 over the ordered rows), to assert that a rejected
 * request changed nothing: `expect(await snapshot(t)).toEqual(before)`.
 */
export async function snapshot(tables: string[] = DEFAULT_TABLES): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of tables) {
    const [schema, table] = t.split('.');
    const rows = await db.$queryRawUnsafe<{ digest: string | null; n: bigint }[]>(
      `SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS digest, count(*) AS n FROM "${schema}"."${table}" x`,
    );
    out[t] = `${rows[0].n}:${rows[0].digest}`;
  }
  return out;
}
