/**
 * Help desk → workflow engine over pg-boss, in one process like server.ts (fresh embedded PostgreSQL):
 *  1. APPROVALS approvals at a steady RATE/s: latency from the approve commit to the first assignment row
 *     (percentiles), with workers woken on send and polling every 0.5 s otherwise;
 *  2. a backlog of BACKLOG tts.process_ticket messages enqueued with workers stopped, then drained: jobs/s.
 *
 *   npx tsx tests/bench/pipeline.ts          APPROVALS=1000 RATE=50 BACKLOG=5000 by default
 */
import { freshDatabase, line, ms, summarize } from './support';

const APPROVALS = Number(process.env.APPROVALS ?? 1000);
const RATE = Number(process.env.RATE ?? 50);
const BACKLOG = Number(process.env.BACKLOG ?? 5000);

async function main() {
  process.env.LOG_LEVEL ??= 'error';
  process.env.RATE_LIMIT_DISABLED = 'true';
  const database = await freshDatabase();
  const { db } = await import('../../lib/server/db');
  const { startJobs, stopJobs, enqueue } = await import('../../lib/server/jobs/boss');
  const { transaction } = await import('../../lib/server/db');
  const { loadActor } = await import('../../lib/domain/identity/queries');
  const { createTicket, approveTicket } = await import('../../lib/domain/helpdesk/commands');
  const { MESSAGES } = await import('../../lib/domain/contracts/messages');

  const id = async (username: string) => (await db.user.findUniqueOrThrow({ where: { username } })).id;
  const employee = (await loadActor(await id('employee1')))!;
  const coordinator = (await loadActor(await id('coordinator1')))!;

  // Workers first: the first enqueue would otherwise start pg-boss without them.
  await startJobs({ workers: true });
  console.log(`\nHelp desk → workflow pipeline (pg-boss, ${APPROVALS} approvals at ${RATE}/s, backlog ${BACKLOG})`);
  const tickets: { id: number; number: string }[] = [];
  for (let i = 0; i < APPROVALS; i++) {
    const t = await createTicket(employee, { subject: `Bench ticket ${i}`, description: 'bench', category: 'IT Support', sub_category: 'Technical Assistance', department: null });
    tickets.push({ id: t.id, number: t.ticket_number });
  }

  const approvedAt = new Map<string, number>();
  const started = Date.now();
  const inFlight: Promise<void>[] = [];
  for (const [i, t] of tickets.entries()) {
    const due = started + (i * 1000) / RATE;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(
      approveTicket(coordinator, t.id, { priority: 'Medium', department: 'IT Department' }).then(() => {
        approvedAt.set(t.number, Date.now());
      }),
    );
  }
  await Promise.all(inFlight);
  const numbers = tickets.map((t) => t.number);
  for (let waited = 0; waited < 120_000; waited += 250) {
    const [{ n }] = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(DISTINCT wt.ticket_number) AS n FROM workflow.tickets wt JOIN workflow.tasks t ON t.ticket_id = wt.id
      JOIN workflow.task_items ti ON ti.task_id = t.id WHERE wt.ticket_number = ANY(${numbers})`;
    if (Number(n) >= numbers.length) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const firsts = await db.$queryRaw<{ ticket_number: string; first: Date }[]>`
    SELECT wt.ticket_number, min(ti.assigned_on) AS first FROM workflow.tickets wt JOIN workflow.tasks t ON t.ticket_id = wt.id
    JOIN workflow.task_items ti ON ti.task_id = t.id WHERE wt.ticket_number = ANY(${numbers}) GROUP BY wt.ticket_number`;
  const latencies = firsts.map((f) => Math.max(0, f.first.getTime() - (approvedAt.get(f.ticket_number) ?? f.first.getTime())));
  const s = summarize(latencies);
  line('approvals with a first assignment', `${s.n}/${APPROVALS}`);
  line('approve → first assignment p50', ms(s.p50));
  line('approve → first assignment p95', ms(s.p95), '≤ 250 ms');
  line('approve → first assignment p99', ms(s.p99), '≤ 1 s');
  line('approve → first assignment max', ms(s.max));

  // Backlog: workers off, BACKLOG messages queued, then drained by one process's workers.
  await stopJobs();
  await startJobs({ workers: false });
  const base = Date.now().toString().slice(-6);
  for (let i = 0; i < BACKLOG; i += 250) {
    await transaction(async (tx) => {
      for (let j = i; j < Math.min(BACKLOG, i + 250); j++) {
        await enqueue(tx, MESSAGES.processTicket, {
          ticket_number: `TX20991231${String((Number(base) + j) % 1_000_000).padStart(6, '0')}`,
          subject: `Backlog ${j}`,
          description: 'backlog',
          category: 'IT Support',
          sub_category: 'Technical Assistance',
          department: 'IT Department',
          priority: 'Low',
          employee_id: employee.id,
          employee_name: employee.name,
          employee_email: employee.email,
          status: 'Open',
          created_at: new Date().toISOString(),
        });
      }
    }, { timeout: 120_000 });
  }
  await stopJobs();
  const drainStart = Date.now();
  await startJobs({ workers: true });
  for (;;) {
    const [{ n }] = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pgboss.job WHERE name = 'tts.process_ticket' AND state IN ('created', 'retry', 'active')`;
    if (Number(n) === 0) break;
    if (Date.now() - drainStart > 600_000) throw new Error('backlog not drained in 10 minutes');
    await new Promise((r) => setTimeout(r, 100));
  }
  const seconds = (Date.now() - drainStart) / 1000;
  line(`backlog of ${BACKLOG} process_ticket drained in`, `${seconds.toFixed(1)} s`);
  line('queue throughput', `${(BACKLOG / seconds).toFixed(0)} jobs/s`, '≥ 300 jobs/s');

  await stopJobs();
  const { disconnectDb } = await import('../../lib/server/db');
  await disconnectDb();
  await database.stop();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
