import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { io as connect, type Socket } from 'socket.io-client';

/**
 * The production topology in small: two full app processes (server.ts on the production build, different ports,
 * REALTIME_CLUSTER=true, both running job workers) against one PostgreSQL. Node A starts the embedded database and
 * seeds it; node B only gets its DATABASE_URL.
 */
const base = Number(process.env.E2E_PORT ?? 3200);
const PORT_A = base + 1000;
const PORT_B = base + 2000;
const PG_PORT = base + 3000;
const DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${PG_PORT}/switchboard`;
const PASSWORD = 'Switchboard!2026';
const READS_PER_MINUTE = 40;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-cluster-'));
const logs: Record<string, string[]> = { a: [], b: [] };
const nodes: ChildProcess[] = [];

function startNode(name: 'a' | 'b', port: number, extra: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts', ...(name === 'a' ? ['--seed'] : [])], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      APP_URL: `http://localhost:${port}`,
      NEXTAUTH_URL: `http://localhost:${port}`,
      JWT_SECRET: 'cluster-secret-cluster-secret-cluster-42',
      NEXTAUTH_SECRET: 'cluster-secret-cluster-secret-cluster-42',
      REALTIME_CLUSTER: 'true',
      JOB_WORKERS: 'true',
      LOG_LEVEL: 'debug',
      REQUEST_LOG: 'false',
      RATE_LIMIT_TOKEN: '1000/60',
      RATE_LIMIT_DEFAULT: '100000/60',
      RATE_LIMIT_TICKET_CREATE: '100000/60',
      RATE_LIMIT_TICKET_READ: `${READS_PER_MINUTE}/60`,
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => logs[name].push(String(d)));
  child.stderr?.on('data', (d) => logs[name].push(String(d)));
  nodes.push(child);
}

async function healthy(port: number) {
  await expect
    .poll(
      () =>
        fetch(`http://127.0.0.1:${port}/health`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 120_000, intervals: [500] },
    )
    .toBe(200);
}

const api = async (port: number, method: string, url: string, token?: string, body?: unknown) => {
  const r = await fetch(`http://127.0.0.1:${port}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null };
};
const tokenOn = async (port: number, username: string) =>
  (await api(port, 'POST', '/auth/token/', undefined, { username, password: PASSWORD })).body.access as string;

async function submit(port: number, token: string, subject: string) {
  const r = await api(port, 'POST', '/hdts/api/tickets/', token, {
    subject,
    description: 'Filed through one node of two',
    category: 'IT Support',
    sub_category: 'Technical Assistance',
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { id: number; ticket_number: string };
}

let db: pg.Client;

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

test.beforeAll(async () => {
  test.setTimeout(240_000);
  startNode('a', PORT_A, { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(PG_PORT) });
  await healthy(PORT_A);
  startNode('b', PORT_B, { DATA_DIR: path.join(dataDir, 'b'), DATABASE_URL });
  await healthy(PORT_B);
  db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
});

test.afterAll(async () => {
  await db?.end();
  // B first: A owns the embedded database.
  for (const n of [...nodes].reverse()) {
    n.kill('SIGTERM');
    await new Promise((r) => (n.exitCode !== null ? r(null) : n.once('exit', r)));
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a comment posted through one process reaches a socket connected to the other', async () => {
  const employee = await tokenOn(PORT_A, 'employee1');
  const coordinator = await tokenOn(PORT_B, 'coordinator1');
  const ticket = await submit(PORT_A, employee, 'Cluster comment');
  const socket: Socket = connect(`http://127.0.0.1:${PORT_B}`, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: { token: coordinator },
    extraHeaders: { origin: `http://localhost:${PORT_B}` },
    reconnection: false,
    forceNew: true,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connection_established', () => resolve());
      socket.once('connect_error', reject);
    });
    const joined = await socket.timeout(10_000).emitWithAck('join_ticket', { ticket_id: ticket.ticket_number });
    expect(joined.ok).toBe(true);
    const got: { comment_id: number; comment: { comment: string } | null }[] = [];
    socket.on('comment_update', (e) => got.push(e));
    const posted = await api(PORT_A, 'POST', `/hdts/api/tickets/${ticket.id}/comments/`, employee, {
      comment: 'Hello from node A',
    });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    await expect.poll(() => got.length, { timeout: 15_000 }).toBe(1);
    expect(got[0].comment?.comment).toBe('Hello from node A');
  } finally {
    socket.disconnect();
  }
});

test('jobs are shared by both processes and run once: every approved ticket routed exactly once', async () => {
  const employee = await tokenOn(PORT_A, 'employee2');
  const coordinators = [await tokenOn(PORT_A, 'coordinator1'), await tokenOn(PORT_B, 'coordinator1')];
  const ports = [PORT_A, PORT_B];
  const tickets = [];
  for (let i = 0; i < 30; i++) tickets.push(await submit(ports[i % 2], employee, `Cluster routing ${i}`));
  await Promise.all(
    tickets.map(async (t, i) => {
      const r = await api(ports[i % 2], 'POST', `/hdts/api/tickets/${t.id}/approve/`, coordinators[i % 2], {
        priority: 'Medium',
        department: 'IT Department',
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }),
  );
  const numbers = tickets.map((t) => t.ticket_number);
  const routed = async () =>
    Number(
      (
        await db.query(
          `SELECT count(*) AS n FROM workflow.tickets wt JOIN workflow.tasks t ON t.ticket_id = wt.id
            JOIN workflow.task_items ti ON ti.task_id = t.id WHERE wt.ticket_number = ANY($1)`,
          [numbers],
        )
      ).rows[0].n,
    );
  await expect.poll(routed, { timeout: 90_000 }).toBe(numbers.length); // one task with one assignment each
  // Exactly one routing job per ticket, completed once; one "assigned to you" notification per assignment.
  const jobs = await db.query(
    `SELECT data->>'ticket_number' AS n, count(*) AS c FROM pgboss.job WHERE name = 'tts.process_ticket'
      AND data->>'ticket_number' = ANY($1) GROUP BY 1`,
    [numbers],
  );
  expect(jobs.rows.map((r) => Number(r.c))).toEqual(numbers.map(() => 1));
  await expect
    .poll(
      async () =>
        (
          await db.query(
            `SELECT ticket_number, count(*) AS c FROM notifications.notifications
              WHERE type = 'task_assigned' AND ticket_number = ANY($1) GROUP BY 1`,
            [numbers],
          )
        ).rows.map((r) => Number(r.c)),
      { timeout: 30_000 },
    )
    .toEqual(numbers.map(() => 1));
  // Both processes ran jobs (each logs the jobs it finished at debug level).
  const ran = (name: 'a' | 'b') =>
    logs[name]
      .join('')
      .split('\n')
      .filter((l) => l.includes('"job done"')).length;
  expect(ran('a')).toBeGreaterThan(0);
  expect(ran('b')).toBeGreaterThan(0);
});

test('rate limits are shared: one user reading through both processes gets one limit, not two', async () => {
  const [userOnA, userOnB] = [await tokenOn(PORT_A, 'agent1'), await tokenOn(PORT_B, 'agent1')];
  const employee = await tokenOn(PORT_A, 'employee1');
  const ticket = await submit(PORT_A, employee, 'Cluster rate limit');
  const read = async (port: number, token: string) =>
    (await api(port, 'GET', `/hdts/api/tickets/number/${ticket.ticket_number}/`, token)).status;
  const statuses: number[] = [];
  for (let i = 0; i < READS_PER_MINUTE; i++) {
    statuses.push(await read(PORT_A, userOnA));
    statuses.push(await read(PORT_B, userOnB));
  }
  const served = statuses.filter((s) => s !== 429).length;
  // each process alone would serve READS_PER_MINUTE; together they serve at most that many
  expect(served).toBeLessThanOrEqual(READS_PER_MINUTE);
  expect(served).toBeGreaterThanOrEqual(READS_PER_MINUTE - 2 * Math.ceil(READS_PER_MINUTE / 20));
  expect(await read(PORT_A, userOnA)).toBe(429);
  expect(await read(PORT_B, userOnB)).toBe(429);
});
