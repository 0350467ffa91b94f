/**
 * Fan-out benchmark: 500 authenticated sockets in one ticket room; events published to the room the way
 * messaging does after a commit. Prints deliveries per second (a burst) and delivery latency percentiles (a steady rate), first for
 * raw room broadcasts, then end to end for comments created through the domain (database commit → push).
 *
 *   npx tsx tests/bench/fanout.ts            (fresh embedded PostgreSQL, or DATABASE_URL when set)
 *   SOCKETS=1000 EVENTS=400 npx tsx tests/bench/fanout.ts
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { freshDatabase, line, ms, summarize } from './support';

const SOCKETS = Number(process.env.SOCKETS ?? 500);
const EVENTS = Number(process.env.EVENTS ?? 200);
const COMMENTS = Number(process.env.COMMENTS ?? 20);
/** Events per second in the steady-rate phase. */
const RATE = Number(process.env.RATE ?? 20);
const TICKET = 'TX20261122999999';

async function main() {
  const db0 = process.env.DATABASE_URL ? null : await freshDatabase();
  if (!db0) {
    const { applyMigrations } = await import('../../lib/server/db/migrations');
    await applyMigrations(process.env.DATABASE_URL as string);
  }
  const { attachRealtime } = await import('../../lib/server/realtime/server');
  const { SOCKET_MODULES } = await import('../../lib/server/realtime/modules');
  const { publish } = await import('../../lib/server/realtime/index');
  const { login } = await import('../../lib/domain/identity/commands');
  const { loadActor } = await import('../../lib/domain/identity/queries');
  const { createComment } = await import('../../lib/domain/messaging/commands');
  const { db, disconnectDb } = await import('../../lib/server/db');
  const { stopJobs } = await import('../../lib/server/jobs/queue');
  const { env } = await import('../../lib/server/env');

  const server = http.createServer();
  const io = attachRealtime(server, SOCKET_MODULES);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { access } = await login(
    { ip: '127.0.0.1', userAgent: 'bench' },
    { username: 'coordinator1', password: env.SEED_PASSWORD },
  );

  // Connect and join in waves (authentication on connect reads the database).
  const sockets: Socket[] = [];
  const t0 = performance.now();
  for (let i = 0; i < SOCKETS; i += 50) {
    const wave = Array.from({ length: Math.min(50, SOCKETS - i) }, async () => {
      const s = connect(url, {
        path: '/socket.io',
        transports: ['websocket'],
        auth: { token: access },
        reconnection: false,
        forceNew: true,
      });
      sockets.push(s);
      await new Promise<void>((resolve, reject) => {
        s.once('connect', () => resolve());
        s.once('connect_error', reject);
      });
      const ack = (await s.timeout(30_000).emitWithAck('join_ticket', { ticket_id: TICKET })) as { ok: boolean };
      if (!ack.ok) throw new Error('join refused');
    });
    await Promise.all(wave);
  }
  const joinMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 300)); // let the presence burst settle

  // 1. Raw room broadcasts.
  const latencies: number[] = [];
  let received = 0;
  for (const s of sockets) {
    s.on('bench', (d: { at: number }) => {
      latencies.push(performance.now() - d.at);
      received += 1;
    });
  }
  const expected = EVENTS * SOCKETS;
  const start = performance.now();
  for (let i = 0; i < EVENTS; i++) {
    publish(`ticket:${TICKET}`, 'bench', { at: performance.now(), i });
    if (i % 10 === 9) await new Promise((r) => setImmediate(r));
  }
  const deadline = Date.now() + 120_000;
  while (received < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  const elapsed = (performance.now() - start) / 1000;
  const burst = summarize(latencies);
  const burstReceived = received;

  // 1b. Latency at a steady rate (RATE events/s, i.e. RATE × SOCKETS deliveries/s), not behind a burst.
  latencies.length = 0;
  received = 0;
  const paced = Math.max(20, Math.round(EVENTS / 4));
  for (let i = 0; i < paced; i++) {
    publish(`ticket:${TICKET}`, 'bench', { at: performance.now(), i });
    await new Promise((r) => setTimeout(r, 1000 / RATE));
  }
  const pacedDeadline = Date.now() + 60_000;
  while (received < paced * SOCKETS && Date.now() < pacedDeadline) await new Promise((r) => setTimeout(r, 5));
  const steady = summarize(latencies);

  // 2. End to end: a comment committed through the domain, pushed as comment_update to the room.
  const e2e: number[] = [];
  let e2eReceived = 0;
  const sentAt = new Map<number, number>();
  for (const s of sockets) {
    s.on('comment_update', (d: { comment_id: number }) => {
      const at = sentAt.get(d.comment_id);
      if (at !== undefined) e2e.push(performance.now() - at);
      e2eReceived += 1;
    });
  }
  const agent = await loadActor((await db.user.findUniqueOrThrow({ where: { username: 'coordinator1' } })).id);
  if (!agent) throw new Error('no coordinator1');
  for (let i = 0; i < COMMENTS; i++) {
    const before = performance.now();
    const c = await createComment(agent, { ticket_id: TICKET, text: `bench ${i}`, is_internal: false });
    sentAt.set(c.id, before);
    await new Promise((r) => setTimeout(r, 1000 / RATE));
  }
  const e2eDeadline = Date.now() + 60_000;
  while (e2eReceived < COMMENTS * SOCKETS && Date.now() < e2eDeadline) await new Promise((r) => setTimeout(r, 5));
  const endToEnd = summarize(e2e);

  console.log(`\nFan-out: ${SOCKETS} sockets in ticket:${TICKET}, ${EVENTS} broadcasts, ${COMMENTS} comments\n`);
  line('connect + authenticate + join (all sockets)', ms(joinMs));
  line('broadcast deliveries (burst)', `${burstReceived}/${expected}`);
  line('broadcast deliveries per second', `${Math.round(burstReceived / elapsed).toLocaleString('en')}/s`, '>= 10,000/s');
  line('burst delivery latency p50 / p95 (queued behind the burst)', `${ms(burst.p50)} / ${ms(burst.p95)}`);
  line(`steady ${RATE} events/s (${(RATE * SOCKETS).toLocaleString('en')} deliveries/s): p50`, ms(steady.p50));
  line(`steady ${RATE} events/s: p95`, ms(steady.p95), '<= 50 ms');
  line(`steady ${RATE} events/s: p99`, ms(steady.p99));
  line('comment commit → all sockets, deliveries', `${e2eReceived}/${COMMENTS * SOCKETS}`);
  line('comment (commit + push) latency p50', ms(endToEnd.p50));
  line('comment (commit + push) latency p95', ms(endToEnd.p95));

  for (const s of sockets) s.disconnect();
  io.close();
  await stopJobs();
  await disconnectDb();
  await db0?.stop();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
