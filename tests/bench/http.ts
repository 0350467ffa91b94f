/**
 * HTTP benchmark at organisation scale: a fresh embedded PostgreSQL gets the demo seed plus `1,000,000 × scale`
 * tickets loaded set-based (INSERT … SELECT … generate_series; 1 in 10 with two comments, 2,000 requesters), then
 * the production server (`server.ts`, NODE_ENV=production, the existing `.next` build — run `npm run build`
 * first) and the raw baseline (`http-raw.ts`: plain Node `http` + `pg`, same lookups, same database) are loaded
 * with autocannon, alternately, per request kind. Prints req/s, p50/p99 and the ratio to the baseline, then a
 * one-user pass (sequential requests, p50/p95). Nothing is asserted.
 *
 *   npx tsx tests/bench/http.ts [--scale 1] [--duration 5] [--connections 32] [--rounds 1]
 *                                [--before /path/to/other/checkout]   (a second build on the same database)
 *                                [--via-next]                           (this build again with API_DIRECT=false:
 *                                                                        the API through Next's router, as before)
 *                                [--app DIR]                            (the checkout to serve, default this one)
 *                                [--load-only]                          (load, print the URL, keep the database)
 *                                [--database URL]                       (run against a database --load-only kept)
 *                                [--profile DIR]                        (node --cpu-prof of the app server)
 */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadTickets, ready, sampleTickets, start, tokenFor } from './http-setup';
import { freshDatabase, line, ms, summarize } from './support';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const SCALE = Number(arg('scale', process.env.BENCH_SCALE ?? '1'));
const DURATION = Number(arg('duration', '5'));
const CONNECTIONS = Number(arg('connections', '32'));
const ROUNDS = Number(arg('rounds', '1'));
const VIA_NEXT = process.argv.includes('--via-next');
const BEFORE = arg('before', VIA_NEXT ? path.resolve(import.meta.dirname, '../..') : '');
const PROFILE = arg('profile', '');
const APP = arg('app', '');
const DATABASE = arg('database', '');
const TICKETS = Math.round(1_000_000 * SCALE);
const PORT_APP = 4330;
const PORT_BEFORE = 4332;
const PORT_RAW = 4331;

interface Target {
  name: string;
  port: number;
  path: (kind: Kind) => string;
  headers: (kind: Kind) => Record<string, string>;
}
type Kind = {
  name: string;
  app: () => string;
  raw: (() => string) | null;
  as: 'coordinator' | 'employee';
  oneUser?: boolean;
  /** A write: POST this JSON body. */
  body?: () => string;
};

async function cannon(port: number, next: () => string, headers: Record<string, string>, body?: () => string) {
  const r = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: DURATION,
    headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
    requests: [
      {
        setupRequest: (req) => {
          req.path = next();
          if (body) {
            req.method = 'POST';
            req.body = body();
          }
          return req;
        },
      },
    ],
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, bad: r.non2xx + r.errors + r.timeouts };
}

async function oneUser(port: number, next: () => string, headers: Record<string, string>) {
  const samples: number[] = [];
  const until = performance.now() + DURATION * 1000;
  while (performance.now() < until) {
    const t0 = performance.now();
    const r = await fetch(`http://127.0.0.1:${port}${next()}`, { headers });
    await r.arrayBuffer();
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

/**
 * SQL statements per request, from the database's own counters: every statement outside an explicit transaction
 * commits one (`pg_stat_database.xact_commit`). `n` sequential requests are compared with an idle window of the same
 * length (background work of the server), each read after the counters' idle flush (PostgreSQL reports a backend's
 * statistics within ~10 s of it going idle).
 */
async function statementsPerRequest(url: string, n: number, request: () => Promise<unknown>) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const commits = async () => {
    await new Promise((r) => setTimeout(r, 11_000));
    const { rows } = await c.query(
      'SELECT xact_commit::float8 + xact_rollback::float8 AS n FROM pg_stat_database WHERE datname = current_database()',
    );
    return Number(rows[0].n) - 1; // this read is a transaction of its own
  };
  const t0 = await commits();
  const w0 = performance.now();
  for (let i = 0; i < n; i++) await request();
  const busyMs = performance.now() - w0;
  const t1 = await commits();
  await new Promise((r) => setTimeout(r, busyMs));
  const t2 = await commits();
  await c.end();
  return (t1 - t0 - (t2 - t1)) / n;
}

async function main() {
  const root = path.resolve(import.meta.dirname, '../..');
  console.log(`\nHTTP benchmark: ${TICKETS.toLocaleString('en')} tickets, ${CONNECTIONS} connections, ${DURATION} s per run`);
  const db = DATABASE ? { url: DATABASE, stop: async () => {} } : await freshDatabase();
  const { numbers, deepCursor } = DATABASE ? await sampleTickets(db.url, TICKETS) : await loadTickets(db.url, TICKETS);
  if (process.argv.includes('--load-only')) {
    console.log(`database kept for experiments: ${db.url} (Ctrl-C stops it)`);
    process.once('SIGINT', () => void db.stop().then(() => process.exit(0)));
    return;
  }
  const secret = 'bench-secret-bench-secret-bench-secret-42';
  const appEnv = {
    NODE_ENV: 'production',
    DATABASE_URL: db.url,
    JWT_SECRET: secret,
    NEXTAUTH_SECRET: secret,
    JOB_WORKERS: 'false',
    HOST: '127.0.0.1',
    // The limiter runs (its cost is measured) but never refuses the benchmark's single users.
    RATE_LIMIT_TICKET_READ: '1000000000/60',
    RATE_LIMIT_DEFAULT: '1000000000/60',
    RATE_LIMIT_TOKEN: '1000/60',
    LOG_LEVEL: 'warn',
  };
  const profileArgs = PROFILE ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(PROFILE)] : [];
  const procs: ChildProcess[] = [];
  procs.push(
    start('app', [...profileArgs, '--import', 'tsx', 'server.ts'], APP ? path.resolve(APP) : root, {
      ...appEnv,
      PORT: String(PORT_APP),
    }),
  );
  await ready(PORT_APP);
  if (BEFORE) {
    procs.push(
      start('before', ['--import', 'tsx', 'server.ts'], BEFORE, {
        ...appEnv,
        PORT: String(PORT_BEFORE),
        ...(VIA_NEXT ? { API_DIRECT: 'false' } : {}),
      }),
    );
    await ready(PORT_BEFORE);
  }
  procs.push(
    start('raw', ['--import', 'tsx', 'tests/bench/http-raw.ts'], root, { DATABASE_URL: db.url, PORT: String(PORT_RAW) }),
  );
  await ready(PORT_RAW);
  const tokens = {
    coordinator: await tokenFor(PORT_APP, 'coordinator1@example.com'),
    employee: await tokenFor(PORT_APP, 'employee1@example.com'),
  };

  let k = 0;
  const anyNumber = () => numbers[k++ % numbers.length];
  const perRead = await statementsPerRequest(db.url, 200, async () => {
    const r = await fetch(`http://127.0.0.1:${PORT_APP}/hdts/api/tickets/number/${anyNumber()}/`, {
      headers: { authorization: `Bearer ${tokens.coordinator}` },
    });
    await r.arrayBuffer();
  });
  line('SQL statements per GET ticket by number (coordinator)', perRead.toFixed(2), '≤ 3');
  const kinds: Kind[] = [
    {
      name: 'GET ticket by number (coordinator)',
      app: () => `/hdts/api/tickets/number/${anyNumber()}/`,
      raw: () => `/ticket/${anyNumber()}`,
      as: 'coordinator',
    },
    {
      name: 'GET ticket list, page 1 (coordinator)',
      app: () => '/hdts/api/v1/tickets?page_size=20',
      raw: () => '/tickets',
      as: 'coordinator',
      oneUser: true,
    },
    {
      name: 'GET list filtered + sorted (status, priority)',
      app: () => '/hdts/api/v1/tickets?page_size=20&status=Open&sort_by=priority&order=asc',
      raw: null,
      as: 'coordinator',
      oneUser: true,
    },
    {
      name: 'GET list, full-text search',
      app: () => '/hdts/api/v1/tickets?page_size=20&search=printer%20offline',
      raw: () => '/search?q=printer%20offline',
      as: 'coordinator',
      oneUser: true,
    },
    {
      name: 'GET list, page 5,000',
      app: () => '/hdts/api/v1/tickets?page_size=20&page=5000',
      raw: () => '/tickets?page=5000',
      as: 'coordinator',
      oneUser: true,
    },
    {
      name: 'GET list, keyset page 100,000 rows down (cursor)',
      app: () => `/hdts/api/v1/tickets?page_size=20&cursor=${deepCursor}`,
      raw: null,
      as: 'coordinator',
      oneUser: true,
    },
    { name: "GET an employee's own tickets", app: () => '/hdts/api/v1/tickets?page_size=20', raw: null, as: 'employee' },
    { name: 'GET /health', app: () => '/health', raw: () => '/health', as: 'coordinator' },
    {
      name: 'POST a comment (a transaction with its jobs)',
      app: () => `/hdts/api/tickets/${anyNumber()}/comments/`,
      raw: null,
      as: 'coordinator',
      body: () => JSON.stringify({ comment: 'Looking into it now.', is_internal: true }),
    },
  ];
  const targets: Target[] = [
    { name: 'app', port: PORT_APP, path: (x) => x.app(), headers: (x) => ({ authorization: `Bearer ${tokens[x.as]}` }) },
  ];
  if (BEFORE) {
    targets.push({
      name: VIA_NEXT ? 'next' : 'before',
      port: PORT_BEFORE,
      path: (x) => x.app(),
      headers: (x) => ({ authorization: `Bearer ${tokens[x.as]}` }),
    });
  }
  const fmt = (r: { rps: number; p50: number; p99: number; bad: number }) =>
    `${r.rps.toFixed(0).padStart(6)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(5)} ms${r.bad ? `  (${r.bad} non-2xx/errors)` : ''}`;
  console.log(
    `\n${CONNECTIONS} connections, ${DURATION} s per run, alternating (${targets.map((t) => t.name).join(', ')}, raw):`,
  );
  for (const kind of kinds) {
    for (let round = 0; round < ROUNDS; round++) {
      console.log(`\n${kind.name}${ROUNDS > 1 ? ` (round ${round + 1})` : ''}`);
      let raw: number | null = null;
      const results: [string, Awaited<ReturnType<typeof cannon>>][] = [];
      for (const t of targets) results.push([t.name, await cannon(t.port, () => t.path(kind), t.headers(kind), kind.body)]);
      if (kind.raw) {
        const r = await cannon(PORT_RAW, kind.raw, {});
        raw = r.rps;
        results.push(['raw', r]);
      }
      for (const [name, r] of results) {
        const ratio = raw && name !== 'raw' ? `  = ${((100 * r.rps) / raw).toFixed(1)} % of raw` : '';
        console.log(`  ${name.padEnd(7)} ${fmt(r)}${ratio}`);
      }
    }
  }
  // The latency a steady, below-capacity load sees (autocannon paces the 32 connections to 200 requests a second).
  console.log('\nGET ticket by number at a steady 200 req/s (32 connections):');
  for (const t of targets) {
    const r = await autocannon({
      url: `http://127.0.0.1:${t.port}`,
      connections: CONNECTIONS,
      overallRate: 200,
      duration: DURATION,
      headers: t.headers(kinds[0]),
      requests: [{ setupRequest: (req) => ({ ...req, path: t.path(kinds[0]) }) }],
    });
    line(`  ${t.name}: p50 / p99`, `${r.latency.p50} / ${r.latency.p99} ms`, 'p99 ≤ 50 ms');
  }
  console.log(`\nOne user (sequential requests, ${DURATION} s each):`);
  for (const kind of kinds.filter((x) => x.oneUser)) {
    for (const t of targets) {
      const s = await oneUser(t.port, () => t.path(kind), t.headers(kind));
      line(`  ${t.name}: ${kind.name}`, `${ms(s.p50)} / ${ms(s.p95)}`, 'p95 ≤ 100 ms');
    }
  }
  for (const p of procs) p.kill('SIGTERM');
  await Promise.all(procs.map((p) => new Promise((r) => (p.exitCode !== null ? r(null) : p.once('exit', r)))));
  await db.stop();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
