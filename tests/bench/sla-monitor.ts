/**
 * The SLA monitor at volume: ROWS open tasks with one open assignment each (default 1,000,000), loaded
 * set-based, of which DUE assignments and tasks have crossed a threshold. One monitor run must touch only the
 * due rows (the indexed `sla_next_at`): prints the run time with nothing due and with DUE crossings (each one
 * writing history, a notification job and an audit row), and the plan of the claim. Nothing is asserted.
 *
 *   npx tsx tests/bench/sla-monitor.ts            (fresh embedded PostgreSQL, or DATABASE_URL when set)
 *   ROWS=200000 DUE=100 npx tsx tests/bench/sla-monitor.ts
 */
import { performance } from 'node:perf_hooks';
import { freshDatabase, line } from './support';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
const DUE = Number(process.env.DUE ?? 100);

async function main() {
  const db0 = process.env.DATABASE_URL ? null : await freshDatabase();
  const { db, disconnectDb } = await import('../../lib/server/db');
  const { runSlaMonitor } = await import('../../lib/domain/workflow/sla-monitor');
  const version = await db.workflowVersion.findFirstOrThrow({ orderBy: { id: 'asc' } });
  const snap = version.snapshot as { steps: { id: number; role_id: number; name: string; is_start: boolean }[] };
  const start = snap.steps.find((s) => s.is_start) ?? snap.steps[0];
  const agent = await db.user.findUniqueOrThrow({ where: { username: 'agent1' } });
  const owner = await db.user.findUniqueOrThrow({ where: { username: 'coordinator1' } });

  const t0 = performance.now();
  await db.$executeRawUnsafe(`
    INSERT INTO workflow.tickets (ticket_number, subject, description, department, category, priority, employee_id,
                                  hdts_status, ticket_created_at, payload, updated_at)
    SELECT 'TX9' || lpad(g::text, 13, '0'), 'Bench ticket ' || g, 'x', 'IT Department', 'IT Support', 'Medium',
           1, 'Open', now(), '{}'::jsonb, now()
      FROM generate_series(1, ${ROWS}) g`);
  await db.$executeRawUnsafe(`
    INSERT INTO workflow.tasks (ticket_id, workflow_id, version_id, current_step_id, status, owner_id, sla_seconds,
                                target_resolution, sla_next_at, started_at, updated_at)
    SELECT t.id, ${version.workflowId}, ${version.id}, ${start.id}, 'in_progress', ${owner.id}, 172800,
           now() + interval '2 days', now() + interval '1 day' + (t.id % 1000) * interval '1 minute', now(), now()
      FROM workflow.tickets t WHERE t.ticket_number LIKE 'TX9%'`);
  await db.$executeRawUnsafe(`
    INSERT INTO workflow.task_items (task_id, user_id, role_id, step_id, step_name, status, target_resolution,
                                     sla_started_at, sla_next_at, assigned_on)
    SELECT k.id, ${agent.id}, ${start.role_id}, ${start.id}, '${start.name.replace(/'/g, "''")}', 'new', k.target_resolution,
           now(), k.sla_next_at, now()
      FROM workflow.tasks k WHERE k.sla_seconds = 172800`);
  await db.$executeRawUnsafe('ANALYZE workflow.tickets; ANALYZE workflow.tasks; ANALYZE workflow.task_items');
  const loadSeconds = (performance.now() - t0) / 1000;

  const time = async () => {
    const s = performance.now();
    const r = await runSlaMonitor();
    return { ms: performance.now() - s, r };
  };
  await time(); // warm-up
  const idle = await time();
  // DUE assignments and their tasks have just crossed 80 % (started 2 days ago, due in 8 hours)
  await db.$executeRawUnsafe(`
    WITH d AS (SELECT id, task_id FROM workflow.task_items WHERE step_name IS NOT NULL ORDER BY id LIMIT ${DUE})
    UPDATE workflow.task_items i SET sla_started_at = now() - interval '40 hours', target_resolution = now() + interval '8 hours',
                                     sla_next_at = now() - interval '1 second'
      FROM d WHERE i.id = d.id`);
  const busy = await time();
  const plan = await db.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
    `EXPLAIN SELECT id FROM workflow.task_items WHERE sla_next_at <= now() ORDER BY sla_next_at LIMIT 200 FOR UPDATE SKIP LOCKED`,
  );

  console.log(`\nSLA monitor at ${ROWS.toLocaleString('en-US')} open tasks and assignments`);
  line('load: set-based insert, seconds', `${loadSeconds.toFixed(1)} s`);
  line('one run, nothing due', `${idle.ms.toFixed(1)} ms`, '≤ 1 s');
  line(`one run, ${busy.r.assignments} crossings (history, notify, audit each)`, `${busy.ms.toFixed(1)} ms`, '≤ 1 s');
  line('claim plan', plan.map((p) => p['QUERY PLAN'].trim()).find((p) => /Index/.test(p)) ?? plan[0]['QUERY PLAN']);
  await disconnectDb();
  await db0?.stop();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
