/**
 * Mixed load at organisation scale: USERS simulated people (80 % employees, 10 % ticket coordinators, 10 % agents)
 * work for SECONDS against the production server (`server.ts`, NODE_ENV=production, the `.next` build — run
 * `npm run build` first; job workers on, as in a single-process installation) on a fresh embedded PostgreSQL holding
 * the demo seed plus `1,000,000 × BENCH_SCALE` tickets (`loadTickets`, shared with the HTTP benchmark).
 *
 *   npx tsx tests/bench/mixed.ts            USERS=500 SECONDS=60 BENCH_SCALE=1 THINK_MIN=2 THINK_MAX=8 by default
 *   USERS=50 SECONDS=10 BENCH_SCALE=0.01 npx tsx tests/bench/mixed.ts          (a quick look)
 *   … --profile DIR                          (node --cpu-prof of the server, written when it stops)
 *   … --workers-apart                        (JOB_WORKERS=false on the server under load, a second server.ts runs
 *                                             the jobs; REALTIME_CLUSTER=true on both)
 *
 * People: the employees are the loaded tickets' requesters (`bench1…`, ~500 tickets each at 1M), given the Employee
 * role and the seed's password hash; coordinators and agents are inserted set-based with the same hash, the agents
 * spread over the demo workflows' roles (Support Agent, Specialist, Approver) so round-robin gives them tasks. Each
 * signs in through the real API (`POST /auth/token/`, scrypt) before the clock starts and sends its Bearer token.
 *
 * Client addresses: every person comes from localhost here. The server is configured as it would be behind a load
 * balancer (`TRUSTED_PROXIES=127.0.0.1`) and each person sends its own `X-Forwarded-For` (10.x.y.z), so the per-IP
 * sign-in limit sees 500 addresses; every other limit is per user and stays at its production default.
 *
 * Think time: each person acts, then waits a uniform 2–8 s (mean 5 s), its first action at a uniform 0–8 s offset, so
 * 500 people send ≈ 100 actions/s (an agent's "act" is two requests: its available actions, then the transition).
 *   employee     list own tickets 35 %, open one of them 30 %, comment on one 20 %, submit a ticket 15 %
 *   coordinator  triage queue (New) 25 %, filter (Open by priority) 10 %, search 10 %, open 20 %, approve a New
 *                ticket from the queue 25 %, internal comment 10 %
 *   agent        my active tasks 35 %, open a task 25 %, act on an actionable one 40 % (list when it has none)
 * Before the clock starts, USERS/5 tickets are submitted and approved through the API and routed by the workers,
 * so agents have work from the first second. Printed: requests, errors (distinct status + code), expected business
 * refusals apart, p50/p95/p99 overall and per kind, the achieved rate, approve (request sent) → first assignment during the run, GET /health probed every 250 ms beside the load, the
 * server's CPU and `uptime` before and after. Nothing is asserted.
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadTickets, ready, start, tokenFor } from './http-setup';
import { freshDatabase, line, ms, summarize } from './support';

const USERS = Number(process.env.USERS ?? 500);
const SECONDS = Number(process.env.SECONDS ?? 60);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const THINK_MIN = Number(process.env.THINK_MIN ?? 2) * 1000;
const THINK_MAX = Number(process.env.THINK_MAX ?? 8) * 1000;
const TIMEOUT_MS = 10_000;
const PORT = 4340;
const argOf = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : '';
};
const PROFILE = argOf('profile');
/** The production topology's split: a web process without job workers, and a worker process serving no traffic. */
const WORKERS_APART = process.argv.includes('--workers-apart');

const COORDINATORS = Math.max(1, Math.round(USERS / 10));
const AGENTS = Math.max(3, Math.round(USERS / 10));
const EMPLOYEES = USERS - COORDINATORS - AGENTS;
const AGENT_ROLES = ['Support Agent', 'Specialist', 'Approver'];

type Role = 'employee' | 'coordinator' | 'agent';
interface Person {
  role: Role;
  email: string;
  ip: string;
  token: string;
  /** Ticket numbers this person has seen (own tickets, or the queue's last page). */
  tickets: string[];
  /** New tickets of the coordinator's last queue page (number and updated_at, sent back as expected_updated_at). */
  queue: { number: string; updatedAt: string; category: string }[];
  /** The agent's actionable assignments from its last task list. */
  tasks: { taskId: number; itemId: number }[];
  openTasks: number[];
}

interface Sample {
  kind: string;
  ms: number;
  status: number;
  code: string;
}
const samples: Sample[] = [];
const approvedAt = new Map<string, number>();

const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)];
const sleep = (msec: number) => new Promise((r) => setTimeout(r, msec));
const think = () => THINK_MIN + Math.random() * (THINK_MAX - THINK_MIN);

/**
 * One request as a person; the latency is until the whole body is read. Refusals a real user meets when someone
 * else was quicker (the ticket was approved, the task moved on) are business answers: kept apart from errors.
 */
async function call(
  p: Person,
  kind: string,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
): Promise<{ status: number; json: any }> {
  const t0 = performance.now();
  let status = 0;
  let code = '';
  let json: any = null;
  try {
    const r = await fetch(`http://127.0.0.1:${PORT}${url}`, {
      method,
      headers: {
        authorization: `Bearer ${p.token}`,
        'x-forwarded-for': p.ip,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    status = r.status;
    const text = await r.text();
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    if (status >= 400) code = String(json?.code ?? text.slice(0, 60));
  } catch (e) {
    code = (e as Error).name === 'TimeoutError' ? 'timeout' : `network: ${(e as Error).message}`;
  }
  samples.push({ kind, ms: performance.now() - t0, status, code });
  return { status, json };
}

const EXPECTED: Record<string, (s: Sample) => boolean> = {
  // Another coordinator approved (or changed) the ticket first: 400 INVALID_STATUS_TRANSITION or 409 CONFLICT.
  'coordinator: approve': (s) => s.status === 409 || (s.status === 400 && /TRANSITION/.test(s.code)),
  // The task moved on (escalated, finished by the SLA monitor) between the list and the act.
  'agent: transition': (s) => s.status === 409 || (s.status === 400 && /TRANSITION/.test(s.code)),
};
const isError = (s: Sample) => s.status === 0 || s.status >= 400;
const isExpected = (s: Sample) => isError(s) && !!EXPECTED[s.kind]?.(s);

const SUBJECTS = ['VPN drops every hour', 'Printer is offline', 'Laptop runs slow', 'Outlook keeps asking to sign in'];

async function employeeAction(p: Person) {
  const r = Math.random();
  if (r < 0.15 || !p.tickets.length) {
    if (r >= 0.15 && !p.tickets.length) return employeeList(p);
    const { status, json } = await call(p, 'employee: submit ticket', 'POST', '/hdts/api/v1/tickets', {
      subject: pick(SUBJECTS),
      description: 'Since this morning it happens again and again; please have a look.',
      category: 'IT Support',
      sub_category: 'Technical Assistance',
    });
    if (status === 201 || status === 200) p.tickets.unshift(json.ticket_number);
    return;
  }
  if (r < 0.5) return employeeList(p);
  if (r < 0.8) return void (await call(p, 'employee: open own ticket', 'GET', `/hdts/api/tickets/number/${pick(p.tickets)}/`));
  await call(p, 'employee: comment', 'POST', `/hdts/api/tickets/${pick(p.tickets)}/comments/`, {
    comment: 'Any news on this? It still happens.',
  });
}

async function employeeList(p: Person) {
  const { status, json } = await call(p, 'employee: list own tickets', 'GET', '/hdts/api/v1/tickets?page_size=20');
  if (status === 200) p.tickets = json.results.map((t: { ticket_number: string }) => t.ticket_number);
}

async function coordinatorQueue(p: Person) {
  const { status, json } = await call(p, 'coordinator: triage queue', 'GET', '/hdts/api/v1/tickets?page_size=20&status=New');
  if (status !== 200) return;
  p.queue = json.results.map((t: { ticket_number: string; updated_at: string; category: string }) => ({
    number: t.ticket_number,
    updatedAt: t.updated_at,
    category: t.category,
  }));
  p.tickets = p.queue.map((t) => t.number);
}

async function coordinatorAction(p: Person) {
  const r = Math.random();
  if (r < 0.25 || !p.queue.length) return coordinatorQueue(p);
  if (r < 0.35)
    return void (await call(
      p,
      'coordinator: filter + sort',
      'GET',
      '/hdts/api/v1/tickets?page_size=20&status=Open&sort_by=priority&order=asc',
    ));
  if (r < 0.45)
    return void (await call(
      p,
      'coordinator: search',
      'GET',
      `/hdts/api/v1/tickets?page_size=20&search=${encodeURIComponent(pick(SUBJECTS))}`,
    ));
  if (r < 0.65) return void (await call(p, 'coordinator: open ticket', 'GET', `/hdts/api/tickets/number/${pick(p.tickets)}/`));
  if (r < 0.9) {
    // The triage page's own choice: an IT Support ticket of the page if there is one, as loaded.
    const candidates = p.queue.filter((t) => t.category === 'IT Support');
    const t = pick(candidates.length ? candidates : p.queue);
    p.queue = p.queue.filter((x) => x !== t);
    const sentAt = Date.now();
    const { status } = await call(p, 'coordinator: approve', 'POST', `/hdts/api/tickets/${t.number}/approve/`, {
      priority: pick(['Low', 'Medium', 'High']),
      department: 'IT Department',
      expected_updated_at: t.updatedAt,
    });
    if (status === 200) approvedAt.set(t.number, sentAt);
    return;
  }
  await call(p, 'coordinator: internal comment', 'POST', `/hdts/api/tickets/${pick(p.tickets)}/comments/`, {
    comment: 'Checked with the team, on it.',
    is_internal: true,
  });
}

async function agentList(p: Person) {
  const { status, json } = await call(p, 'agent: my tasks', 'GET', '/tts/tasks/my-tasks/?tab=active&page_size=20');
  if (status !== 200) return;
  const rows = json.results as { task_id: number; task_item_id: number; is_actionable: boolean }[];
  p.tasks = rows.filter((t) => t.is_actionable).map((t) => ({ taskId: t.task_id, itemId: t.task_item_id }));
  p.openTasks = rows.map((t) => t.task_id);
}

async function agentAction(p: Person) {
  const r = Math.random();
  if (r < 0.35 || !p.openTasks.length) return agentList(p);
  if (r < 0.6 || !p.tasks.length) return void (await call(p, 'agent: open task', 'GET', `/tts/tasks/${pick(p.openTasks)}/`));
  const task = p.tasks.shift() as { taskId: number; itemId: number };
  const { status, json } = await call(p, 'agent: available actions', 'GET', `/tts/tasks/${task.taskId}/available-actions/`);
  if (status !== 200 || !json.can_act) return;
  const forward = (json.available_actions as { action_id: number | string; kind: string; name: string }[]).filter(
    (a) => a.kind === 'finalize' || (a.kind === 'transition' && a.name !== 'reject'),
  );
  if (!forward.length) return;
  const a = pick(forward);
  await call(p, 'agent: transition', 'POST', '/tts/transitions/', {
    task_item_id: json.task_item_id ?? task.itemId,
    ...(a.kind === 'transition' ? { transition_id: a.action_id } : {}),
    notes: 'Done, checked with the user.',
  });
}

const ACTIONS: Record<Role, (p: Person) => Promise<void>> = {
  employee: employeeAction,
  coordinator: coordinatorAction,
  agent: agentAction,
};

/** The people: the loaded requesters become employees; coordinators and agents are inserted; one hash for all. */
async function seedPeople(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const {
    rows: [{ password_hash: hash }],
  } = await c.query(`SELECT password_hash FROM identity.users WHERE email = 'employee1@example.com'`);
  await c.query(`UPDATE identity.users SET password_hash = $1 WHERE username = ANY($2::text[])`, [
    hash,
    Array.from({ length: EMPLOYEES }, (_, i) => `bench${i + 1}`),
  ]);
  await c.query(
    `INSERT INTO identity.user_roles (user_id, role_id)
     SELECT u.id, r.id FROM identity.users u, identity.roles r
      WHERE u.username = ANY($1::text[]) AND r.system = 'hdts' AND r.name = 'Employee'`,
    [Array.from({ length: EMPLOYEES }, (_, i) => `bench${i + 1}`)],
  );
  await c.query(
    `INSERT INTO identity.users (username, email, first_name, last_name, password_hash, updated_at)
     SELECT 'mixcoord' || i, 'mixcoord' || i || '@example.com', 'Coordinator', 'No ' || i, $1, now() FROM generate_series(1, $2::int) i
     UNION ALL
     SELECT 'mixagent' || i, 'mixagent' || i || '@example.com', 'Agent', 'No ' || i, $1, now() FROM generate_series(1, $3::int) i`,
    [hash, COORDINATORS, AGENTS],
  );
  await c.query(
    `INSERT INTO identity.user_roles (user_id, role_id)
     SELECT u.id, r.id FROM identity.users u JOIN identity.roles r ON r.system = 'hdts' AND r.name = 'Ticket Coordinator'
      WHERE u.username LIKE 'mixcoord%'`,
  );
  // Agents round-robin over the three roles the demo workflows' steps use.
  await c.query(
    `INSERT INTO identity.user_roles (user_id, role_id)
     SELECT u.id, r.id FROM identity.users u JOIN identity.roles r
         ON r.system = 'tts' AND r.name = ($1::text[])[1 + substring(u.username FROM 9)::int % 3]
      WHERE u.username LIKE 'mixagent%'`,
    [AGENT_ROLES],
  );
  await c.end();
  const people: Person[] = [];
  const add = (role: Role, email: string) =>
    people.push({
      role,
      email,
      ip: `10.${(people.length >> 16) & 255}.${(people.length >> 8) & 255}.${(people.length & 255) + 1}`,
      token: '',
      tickets: [],
      queue: [],
      tasks: [],
      openTasks: [],
    });
  for (let i = 1; i <= EMPLOYEES; i++) add('employee', `bench${i}@example.com`);
  for (let i = 1; i <= COORDINATORS; i++) add('coordinator', `mixcoord${i}@example.com`);
  for (let i = 1; i <= AGENTS; i++) add('agent', `mixagent${i}@example.com`);
  return people;
}

async function inParallel<T>(items: T[], width: number, fn: (x: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

/** utime + stime of a process, in ms (Linux: clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}

const uptime = () => execSync('uptime').toString().trim();

function report(list: Sample[], label: string) {
  const s = summarize(list.map((x) => x.ms));
  const bad = list.filter((x) => isError(x) && !isExpected(x)).length;
  const refused = list.filter(isExpected).length;
  console.log(
    `  ${label.padEnd(34)} ${String(s.n).padStart(6)}  ${ms(s.p50).padStart(9)} ${ms(s.p95).padStart(9)} ${ms(s.p99).padStart(9)}` +
      `${bad ? `  errors ${bad}` : ''}${refused ? `  refused ${refused}` : ''}`,
  );
}

async function main() {
  console.log(
    `\nMixed load: ${USERS} people (${EMPLOYEES} employees, ${COORDINATORS} coordinators, ${AGENTS} agents) for ${SECONDS} s, ` +
      `think time ${THINK_MIN / 1000}–${THINK_MAX / 1000} s, ${Math.round(1_000_000 * SCALE).toLocaleString('en')} tickets`,
  );
  const db = await freshDatabase();
  await loadTickets(db.url, Math.round(1_000_000 * SCALE));
  const people = await seedPeople(db.url);
  const secret = 'bench-secret-bench-secret-bench-secret-42';
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-mixed-data-'));
  const root = path.resolve(import.meta.dirname, '../..');
  const serverEnv = {
    NODE_ENV: 'production',
    DATABASE_URL: db.url,
    JWT_SECRET: secret,
    NEXTAUTH_SECRET: secret,
    HOST: '127.0.0.1',
    PORT: String(PORT),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    // As behind a load balancer: the proxy's X-Forwarded-For is believed (see the header comment).
    TRUSTED_PROXIES: '127.0.0.1',
    ...(WORKERS_APART ? { REALTIME_CLUSTER: 'true' } : {}),
  };
  const app = start(
    'app',
    [...(PROFILE ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(PROFILE)] : []), '--import', 'tsx', 'server.ts'],
    root,
    { ...serverEnv, ...(WORKERS_APART ? { JOB_WORKERS: 'false' } : {}) },
  );
  await ready(PORT);
  const worker = WORKERS_APART
    ? start('worker', ['--import', 'tsx', 'server.ts'], root, { ...serverEnv, PORT: String(PORT + 1) })
    : null;
  if (worker) await ready(PORT + 1);

  const t0 = performance.now();
  await inParallel(people, 8, async (p) => {
    p.token = await tokenFor(PORT, p.email, { 'x-forwarded-for': p.ip });
  });
  const loginS = (performance.now() - t0) / 1000;
  line(`sign-ins through POST /auth/token/ (8 at a time)`, `${loginS.toFixed(1)} s`);
  line('  per sign-in (wall clock, 8 in parallel)', ms((loginS * 1000 * 8) / people.length));

  // Work for the agents before the clock starts: tickets submitted and approved through the API, then routed.
  const employees = people.filter((p) => p.role === 'employee');
  const coordinators = people.filter((p) => p.role === 'coordinator');
  const warm: string[] = [];
  await inParallel(
    Array.from({ length: Math.round(USERS / 5) }, (_, i) => i),
    8,
    async (i) => {
      const e = employees[i % employees.length];
      const { json } = await call(e, 'warm-up', 'POST', '/hdts/api/v1/tickets', {
        subject: pick(SUBJECTS),
        description: 'Warm-up ticket for the agents.',
        category: 'IT Support',
        sub_category: 'Technical Assistance',
      });
      const c = coordinators[i % coordinators.length];
      await call(c, 'warm-up', 'POST', `/hdts/api/tickets/${json.ticket_number}/approve/`, {
        priority: 'Medium',
        department: 'IT Department',
      });
      warm.push(json.ticket_number);
    },
  );
  const q = new pg.Client({ connectionString: db.url });
  await q.connect();
  for (let waited = 0; waited < 120_000; waited += 500) {
    const { rows } = await q.query(
      `SELECT count(DISTINCT wt.ticket_number)::int AS n FROM workflow.tickets wt JOIN workflow.tasks t ON t.ticket_id = wt.id
         JOIN workflow.task_items ti ON ti.task_id = t.id WHERE wt.ticket_number = ANY($1)`,
      [warm],
    );
    if (rows[0].n >= warm.length) break;
    await sleep(500);
  }
  const warmBad = samples.filter((s) => s.status >= 400 || s.status === 0);
  if (warmBad.length) console.log(`warm-up refusals: ${JSON.stringify(warmBad.slice(0, 5))}`);
  samples.length = 0;
  line(`warm-up: tickets submitted, approved and routed`, String(warm.length));

  const before = uptime();
  const cpu0 = cpuMs(app.pid as number);
  const workerCpu0 = worker ? cpuMs(worker.pid as number) : 0;
  const startedAt = performance.now();
  const endAt = startedAt + SECONDS * 1000;
  // The machine's own noise in the same run: GET /health (no database) every 250 ms, kept out of the totals.
  const probe: number[] = [];
  const probing = (async () => {
    while (performance.now() < endAt) {
      const t = performance.now();
      await fetch(`http://127.0.0.1:${PORT}/health`).then((r) => r.arrayBuffer());
      probe.push(performance.now() - t);
      await sleep(250);
    }
  })();
  await Promise.all(
    people.map(async (p) => {
      await sleep(Math.random() * THINK_MAX);
      while (performance.now() < endAt) {
        await ACTIONS[p.role](p);
        await sleep(Math.min(think(), endAt - performance.now()));
      }
    }),
  );
  await probing;
  const elapsed = (performance.now() - startedAt) / 1000;
  const cpu = cpuMs(app.pid as number) - cpu0;
  const workerCpu = worker ? cpuMs(worker.pid as number) - workerCpu0 : 0;
  const after = uptime();

  console.log(`\n${samples.length} requests in ${elapsed.toFixed(1)} s = ${(samples.length / elapsed).toFixed(1)} req/s`);
  console.log(`server CPU ${(cpu / 1000).toFixed(1)} s = ${((100 * cpu) / (elapsed * 1000)).toFixed(0)} % of one core`);
  if (worker)
    console.log(
      `worker process CPU ${(workerCpu / 1000).toFixed(1)} s = ${((100 * workerCpu) / (elapsed * 1000)).toFixed(0)} % of one core`,
    );
  console.log(`uptime before: ${before}\nuptime after:  ${after}`);
  const errors = samples.filter((s) => isError(s) && !isExpected(s));
  const refused = samples.filter(isExpected);
  const group = (list: Sample[]) => {
    const m = new Map<string, number>();
    for (const s of list)
      m.set(`${s.kind} → ${s.status || '-'} ${s.code}`, (m.get(`${s.kind} → ${s.status || '-'} ${s.code}`) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1]);
  };
  console.log(`\nerrors: ${errors.length}`);
  for (const [k, n] of group(errors)) console.log(`  ${String(n).padStart(5)}  ${k}`);
  console.log(`expected business refusals (someone else was first): ${refused.length}`);
  for (const [k, n] of group(refused)) console.log(`  ${String(n).padStart(5)}  ${k}`);
  console.log(`\n  ${'kind'.padEnd(34)} ${'n'.padStart(6)}  ${'p50'.padStart(9)} ${'p95'.padStart(9)} ${'p99'.padStart(9)}`);
  report(samples, 'all requests');
  for (const kind of [...new Set(samples.map((s) => s.kind))].sort())
    report(
      samples.filter((s) => s.kind === kind),
      kind,
    );
  const health = summarize(probe);
  line('GET /health beside it (1 every 250 ms): p50 / p95', `${ms(health.p50)} / ${ms(health.p95)}`);
  const overall = summarize(samples.map((s) => s.ms));
  line('\nmixed load p95', ms(overall.p95), 'p95 ≤ 150 ms, 0 errors');

  // The pipeline under the same load: approvals of the run that reached a first assignment, and how fast.
  await sleep(5000);
  const numbers = [...approvedAt.keys()];
  const { rows } = await q.query(
    `SELECT wt.ticket_number, min(ti.assigned_on) AS first FROM workflow.tickets wt JOIN workflow.tasks t ON t.ticket_id = wt.id
       JOIN workflow.task_items ti ON ti.task_id = t.id WHERE wt.ticket_number = ANY($1) GROUP BY wt.ticket_number`,
    [numbers],
  );
  const lag = summarize(rows.map((r) => Math.max(0, r.first.getTime() - (approvedAt.get(r.ticket_number) as number))));
  line(`approvals in the run with a first assignment`, `${rows.length}/${numbers.length}`);
  if (rows.length) line('  approve → first assignment p50 / p95', `${ms(lag.p50)} / ${ms(lag.p95)}`);
  const { rows: backlog } = await q.query(
    `SELECT count(*)::int AS n FROM pgboss.job WHERE name NOT LIKE '\\_\\_%' AND state IN ('created', 'retry', 'active')`,
  );
  line('jobs still queued 5 s after the run', String(backlog[0].n));
  await q.end();

  for (const p of worker ? [app, worker] : [app]) {
    p.kill('SIGINT');
    await new Promise((r) => (p.exitCode !== null ? r(null) : p.once('exit', r)));
  }
  await db.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
