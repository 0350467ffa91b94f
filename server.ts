/**
 * One process: Next.js + socket.io + pg-boss workers on one port.
 * Starts the embedded PostgreSQL when DATABASE_URL is unset, applies pending migrations first.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { env } from './lib/server/env';

function ensureSecrets() {
  if (process.env.JWT_SECRET) return;
  // A fresh clone runs without configuration: keep a generated secret next to the data.
  const file = path.join(env.DATA_DIR, 'secret.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(env.DATA_DIR, { recursive: true });
    fs.writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  process.env.JWT_SECRET = fs.readFileSync(file, 'utf8').trim();
}

async function main() {
  ensureSecrets();
  process.env.NEXTAUTH_URL ??= env.APP_URL ?? `http://localhost:${env.PORT}`;
  const { ensureDatabase, stopDatabase } = await import('./lib/server/db/runtime');
  const { applyMigrations } = await import('./lib/server/db/migrations');
  const url = await ensureDatabase();
  const applied = await applyMigrations(url);
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
  if (process.argv.includes('--seed')) {
    const { seed } = await import('./prisma/seed');
    await seed();
  }
  const { stopJobs } = await import('./lib/server/jobs/queue');
  const { startJobs } = await import('./lib/server/jobs/workers');
  // The process entry is the one place that knows every handler: producers only know messages.
  const { JOBS } = await import('./lib/server/jobs/registry');
  await startJobs({ workers: env.JOB_WORKERS, jobs: JOBS });

  const dev = env.NODE_ENV !== 'production';
  const app = next({ dev, dir: process.cwd(), hostname: 'localhost', port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const { prepareForwarding } = await import('./lib/server/client-ip');
  const { serveApi } = await import('./lib/server/api-router');
  const { securityHeaders } = await import('./lib/server/security-headers');
  const { logger: log } = await import('./lib/server/logger');
  const apiDirect = !dev && env.API_DIRECT;
  const origin = env.APP_URL ?? `http://localhost:${env.PORT}`;
  const apiHeaders = (pathname: string) => securityHeaders(pathname, '').values;
  const server = http.createServer((req, res) => {
    // The trust boundary: the client address comes from the connection (or a trusted proxy), never from a header.
    prepareForwarding(req);
    // Every path answers with and without the trailing slash (spec paths end in "/").
    if (req.url && req.url.length > 1) {
      const q = req.url.indexOf('?');
      const pathname = q === -1 ? req.url : req.url.slice(0, q);
      if (pathname.length > 1 && pathname.endsWith('/'))
        req.url = pathname.replace(/\/+$/, '') + (q === -1 ? '' : req.url.slice(q));
    }
    if (!apiDirect) return void handle(req, res);
    serveApi(req, res, origin, apiHeaders)
      .then((served) => {
        if (!served) void handle(req, res);
      })
      .catch((e) => {
        log.error('api request failed', { path: req.url, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"status":"error","code":"INTERNAL_ERROR","message":"Something went wrong on our side"}');
      });
  });
  // Idle keep-alive connections stay open longer than a client or load balancer keeps them (commonly 60 s): with
  // Node's 5 s default, a client reusing a socket the server is closing at that moment gets ECONNRESET (seen in
  // the e2e run on a loaded machine). Headers must be allowed a little longer than the idle time.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const { attachRealtime, attachClusterAdapter } = await import('./lib/server/realtime/server');
  const { SOCKET_MODULES } = await import('./lib/server/realtime/modules');
  const io = attachRealtime(server, SOCKET_MODULES);
  const releaseAdapter = env.REALTIME_CLUSTER ? await attachClusterAdapter(io, url) : async () => {};
  server.listen(env.PORT, env.HOST, () => {
    console.log(`Switchboard ready on http://localhost:${env.PORT} (${dev ? 'development' : 'production'})`);
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    io.close();
    await releaseAdapter();
    server.close();
    await stopJobs().catch(() => {});
    const { disconnectDb } = await import('./lib/server/db');
    await disconnectDb().catch(() => {});
    await stopDatabase().catch(() => {});
    process.exit(0);
  };
  // A library promise nobody awaited must not take the help desk down (e.g. while PostgreSQL restarts).
  const { logger } = await import('./lib/server/logger');
  process.on('unhandledRejection', (e) =>
    logger.error('unhandled rejection', { error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
