import { isIP } from 'node:net';
import { z } from 'zod';

/** The one place that reads process.env. Everything else imports `env`. */
const duration = z.coerce.number().int().positive();
const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Public base URL, used in e-mail links and pagination URLs. */
  APP_URL: z.string().url().optional(),
  DATABASE_URL: z.string().url().optional(),
  /** Where the embedded PostgreSQL keeps its data when DATABASE_URL is unset. */
  DATA_DIR: z.string().default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_SECONDS: duration.default(15 * 60),
  REFRESH_TOKEN_TTL_SECONDS: duration.default(7 * 24 * 3600),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCK_SECONDS: duration.default(15 * 60),
  /** How long a process may serve a user's roles and session version from memory (0: read every request). */
  ACTOR_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  /** Password reset links stay valid this long. */
  PASSWORD_RESET_TTL_SECONDS: duration.default(3600),
  /** Users holding an Admin role must sign in with a second factor (their admin roles wait until they enrol). */
  REQUIRE_2FA_FOR_ADMINS: bool,
  /**
   * Comma-separated addresses or CIDR ranges of reverse proxies whose X-Forwarded-For is believed. Empty (the
   * default): the connection's own address is the client's, whatever the request's headers say.
   */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const out: { address: string; prefix: number; family: 'ipv4' | 'ipv6' }[] = [];
      for (const item of v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)) {
        const [address, bits] = item.split('/');
        const family = isIP(address) === 4 ? 'ipv4' : isIP(address) === 6 ? 'ipv6' : null;
        const max = family === 'ipv4' ? 32 : 128;
        const prefix = bits === undefined ? max : Number(bits);
        if (!family || !Number.isInteger(prefix) || prefix < 0 || prefix > max) {
          ctx.addIssue({ code: 'custom', message: `"${item}" is not an IP address or CIDR range` });
          continue;
        }
        out.push({ address, prefix, family });
      }
      return out;
    }),
  /** Largest JSON (or form) request body; larger ones are cut off while streaming and answered 413. */
  REQUEST_BODY_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  /** Rate limits "points/seconds" (spec 003's table). */
  RATE_LIMIT_TOKEN: z.string().default('5/60'),
  RATE_LIMIT_TICKET_CREATE: z.string().default('30/3600'),
  RATE_LIMIT_TICKET_READ: z.string().default('100/60'),
  RATE_LIMIT_DEFAULT: z.string().default('60/60'),
  /** Password reset e-mails per address (the token bucket also limits each IP). */
  RATE_LIMIT_PASSWORD_RESET: z.string().default('3/3600'),
  RATE_LIMIT_DISABLED: bool,
  /** Most points a process takes from the shared rate-limit store at once (fewer when the limit is small or nearly spent). */
  RATE_LIMIT_LEASE_MAX: z.coerce.number().int().min(1).max(10_000).default(100),
  /** Prisma connections per process (requests and job handlers share them). */
  DB_POOL_SIZE: z.coerce.number().int().min(2).max(500).default(40),
  /** Jobs a worker runs at once per queue (each holds a connection while it runs). */
  JOB_BATCH_SIZE: z.coerce.number().int().min(1).max(100).default(5),
  /** Run pg-boss workers in this process (turn off for web-only processes). */
  JOB_WORKERS: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /**
   * Production: API route handlers are called straight from server.ts, not through Next's router (see
   * lib/server/api-router.ts); `false` sends every request through Next.
   */
  API_DIRECT: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /** Several app processes: socket.io broadcasts travel through PostgreSQL (LISTEN/NOTIFY) to every process. */
  REALTIME_CLUSTER: bool,
  /** Comma-separated keys that services present as X-API-Key (notification sending). */
  SERVICE_API_KEYS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((k) => k.trim())
        .filter((k) => k.length >= 16),
    ),
  /** Help desk: attachment storage and limits, auto-close and reopen windows, SLA hours per priority. */
  ATTACHMENT_DIR: z.string().optional(),
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024),
  TICKET_AUTO_CLOSE_HOURS: z.coerce.number().positive().default(72),
  TICKET_REOPEN_DAYS: z.coerce.number().positive().default(7),
  /** "response/resolution" hours for Critical,High,Medium,Low (004's P1–P4 table). */
  TICKET_SLA_HOURS: z.string().default('1/4,4/24,8/72,24/168'),
  /**
   * A clock reads "Due soon" once this share (percent) of its target has elapsed (issue 10). Below the monitor's
   * at-risk level (90 %), so the states stay in order.
   */
  SLA_DUE_SOON_PERCENT: z.coerce.number().int().min(1).max(89).default(75),
  /** Notifications: SMTP for e-mail (read on demand, see smtpConfig); without SMTP_HOST mail goes to DATA_DIR/mail. */
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().default('Switchboard <no-reply@switchboard.local>'),
  SMTP_SECURE: bool,
  SEED_PASSWORD: z.string().min(8).default('Switchboard!2026'),
  /**
   * Serve the OpenAPI document and its viewer (`/api/schema/`, `/api/docs/` and each service's `/schema/`, `/docs/`,
   * `/redoc`). On by default (the demo); set `false` in production to answer 404 there.
   */
  API_DOCS_ENABLED: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** One `request` log line per API request (000/004): method, path, status, duration, user id, trace id. */
  REQUEST_LOG: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /** Tests: also print info and warn lines (normally only errors). */
  TEST_LOGS: bool,
  /** Print the schema engine's own log while migrating. */
  MIGRATION_DEBUG: bool,
});

export type Env = z.infer<typeof schema>;

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export const env: Env = load();

/** The app's public origin (scheme, host, port): CSRF and socket Origin checks, e-mail links, HSTS. */
export function appOrigin(): string {
  return new URL(env.APP_URL ?? `http://localhost:${env.PORT}`).origin;
}

/** The public base URL without a trailing slash (links in e-mails). */
export function appBaseUrl(): string {
  return (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
}

const DEV_SECRET = 'switchboard-development-secret-not-for-production!';

/**
 * Secrets are read on demand: server.ts may create a persistent one under DATA_DIR at start-up
 * (so a fresh clone runs in production mode without configuration).
 */
function secret(name: 'JWT_SECRET' | 'NEXTAUTH_SECRET'): string {
  const value = process.env[name] ?? process.env.JWT_SECRET;
  if (value) return value;
  if (env.NODE_ENV === 'production') throw new Error(`Invalid configuration:\n  - ${name}: required in production`);
  return DEV_SECRET;
}

export const jwtSecret = (): Uint8Array => new TextEncoder().encode(secret('JWT_SECRET'));
export const nextAuthSecret = (): string => `${secret('NEXTAUTH_SECRET')}:session`;

export function rateLimit(spec: string): { points: number; duration: number } {
  const [p, d] = spec.split('/').map(Number);
  if (!p || !d) throw new Error(`Invalid configuration:\n  - rate limit "${spec}" must look like points/seconds`);
  return { points: p, duration: d };
}

/**
 * The embedded database runtime sets DATABASE_URL after start-up, for every module of this process (including
 * Next's bundles, which share process.env but not module instances).
 */
export function setDatabaseUrl(url: string): void {
  process.env.DATABASE_URL = url;
}

/** DATABASE_URL can be set after start-up by the embedded database runtime, so it is read on demand. */
export function configuredDatabaseUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

/** The database URL, or an error when none is configured and no embedded database was started. */
export function databaseUrl(): string {
  const url = configuredDatabaseUrl();
  if (!url) throw new Error('DATABASE_URL is not set and no embedded database was started (call ensureDatabase() first)');
  return url;
}

/** SMTP settings, parsed on demand (tests start their SMTP server after import). Null: write mail to files. */
export function smtpConfig(): {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
} | null {
  const s = schema
    .pick({ SMTP_HOST: true, SMTP_PORT: true, SMTP_USER: true, SMTP_PASSWORD: true, SMTP_FROM: true, SMTP_SECURE: true })
    .parse(process.env);
  if (!s.SMTP_HOST) return null;
  return {
    host: s.SMTP_HOST,
    port: s.SMTP_PORT ?? (s.SMTP_SECURE ? 465 : 587),
    secure: s.SMTP_SECURE,
    user: s.SMTP_USER,
    password: s.SMTP_PASSWORD,
    from: s.SMTP_FROM,
  };
}
