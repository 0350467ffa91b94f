/**
 * Dashboards at volume: TICKETS help-desk tickets (default 1,000,000) and TASKS routed tickets with a task and an
 * assignment each (default 200,000), loaded set-based over the last year, then the coordinator home and the
 * admin report (30 days, a quarter, a department + priority filter) timed through the domain functions.
 * Prints latency percentiles; nothing is asserted.
 *
 *   npx tsx tests/bench/reports.ts            (fresh embedded PostgreSQL, or DATABASE_URL when set)
 *   TICKETS=200000 TASKS=40000 ROUNDS=5 npx tsx tests/bench/reports.ts
 */
import { performance } from 'node:perf_hooks';
import { freshDatabase, line, ms, summarize } from './support';

const TICKETS = Number(process.env.TICKETS ?? 1_000_000);
const TASKS = Number(process.env.TASKS ?? 200_000);
const ROUNDS = Number(process.env.ROUNDS ?? 10);

async function main() {
  const db0 = process.env.DATABASE_URL ? null : await freshDatabase();
  // A DATABASE_URL that already holds the bench rows is reused (the load takes minutes): its migrations are applied
  // before the first query, which may read a column a newer migration adds.
  if (!db0 && process.env.DATABASE_URL)
    await (await import('../../lib/server/db/migrations')).applyMigrations(process.env.DATABASE_URL);
  const { db, disconnectDb } = await import('../../lib/server/db');
  const { loadActor } = await import('../../lib/domain/identity/queries');
  const { coordinatorHome } = await import('../../lib/domain/reporting/queries');
  const { adminReport } = await import('../../lib/domain/reporting/admin');
  const id = async (u: string) => (await db.user.findUniqueOrThrow({ where: { username: u } })).id;
  const [coord, coord2, agent1, agent2, employee] = await Promise.all(
    ['coordinator1', 'coordinator2', 'agent1', 'agent2', 'employee1'].map(id),
  );
  const wf = await db.workflow.findFirstOrThrow({ where: { name: 'IT Support Workflow' } });
  const version = await db.workflowVersion.findFirstOrThrow({ where: { workflowId: wf.id } });
  const step = await db.workflowStep.findFirstOrThrow({ where: { workflowId: wf.id } });

  const { allTasks } = await import('../../lib/domain/workflow/all-tasks');
  const { workflowAudit } = await import('../../lib/domain/workflow/task-queries');
  // The bench's departments are in the help desk's catalog (the report refuses a department outside it).
  await db.$executeRawUnsafe(
    `INSERT INTO helpdesk.departments (name) VALUES ('IT Department'), ('Finance'), ('Human Resources'), ('Facilities')
     ON CONFLICT (name) DO NOTHING`,
  );
  const loaded = await db.ticket.count({ where: { ticketNumber: { startsWith: 'TX2025' } } });
  const t0 = performance.now();
  if (loaded < TICKETS) await load();
  const loadSeconds = (performance.now() - t0) / 1000;

  async function load() {
    // Help desk: a year of tickets; 3 % still New, 20 % open, the rest resolved/closed; 30 % of closed rated.
    await db.$executeRawUnsafe(
      `INSERT INTO helpdesk.tickets (ticket_number, subject, description, category, department, priority, priority_rank, status,
       employee_id, owner_id, created_at, updated_at, resolved_at, csat_rating, csat_at, resolution_due_at)
     SELECT 'TX2025' || lpad(i::text, 10, '0'), 'Bench ticket ' || i, 'x', 'IT Support',
            (ARRAY['IT Department','Finance','Human Resources','Facilities'])[1 + i % 4],
            (ARRAY['Critical','High','Medium','Low'])[1 + i % 4], 1 + i % 4,
            CASE WHEN i % 33 = 0 THEN 'New' WHEN i % 5 = 0 THEN 'In Progress' WHEN i % 3 = 0 THEN 'Resolved' ELSE 'Closed' END,
            $1::int, CASE WHEN i % 2 = 0 THEN $2::int ELSE $3::int END, c, c,
            CASE WHEN i % 33 <> 0 AND i % 5 <> 0 THEN c + (i % 72) * interval '1 hour' END,
            CASE WHEN i % 33 <> 0 AND i % 5 <> 0 AND i % 3 <> 0 AND i % 10 < 3 THEN 1 + i % 5 END,
            CASE WHEN i % 33 <> 0 AND i % 5 <> 0 AND i % 3 <> 0 AND i % 10 < 3 THEN c + (i % 72 + 1) * interval '1 hour' END,
            c + interval '2 days'
       FROM generate_series(1, $4::int) i, LATERAL (SELECT now() - (i::float8 / $4 * 365) * interval '1 day' AS c) t`,
      employee,
      coord,
      coord2,
      TICKETS,
    );
    // Workflow: routed copies with a task and an assignment each; 10 % open; 5 % escalated, 3 % transferred.
    await db.$executeRawUnsafe(
      `INSERT INTO workflow.tickets (ticket_number, subject, description, department, category, priority, employee_id, hdts_status,
       ticket_created_at, payload, routing, received_at, updated_at)
     SELECT 'TX2025' || lpad(i::text, 10, '0'), 'Bench', 'x', (ARRAY['IT Department','Finance','Human Resources','Facilities'])[1 + i % 4],
            'IT Support', (ARRAY['Critical','High','Medium','Low'])[1 + i % 4], $1::int, 'In Progress', c, '{}',
            CASE WHEN i % 50 = 0 THEN 'unassigned' ELSE 'routed' END, c, c
       FROM generate_series(1, $2::int) i, LATERAL (SELECT now() - (i::float8 / $2 * 365) * interval '1 day' AS c) t`,
      employee,
      TASKS,
    );
    await db.$executeRawUnsafe(
      `INSERT INTO workflow.tasks (ticket_id, workflow_id, version_id, current_step_id, status, owner_id, target_resolution,
       started_at, completed_at, created_at, updated_at)
     SELECT wt.id, $1::int, $2::int, $3::int, CASE WHEN wt.id % 10 = 0 THEN 'in_progress' ELSE 'completed' END,
            CASE WHEN wt.id % 2 = 0 THEN $4::int ELSE $5::int END, wt.received_at + interval '8 hours', wt.received_at,
            CASE WHEN wt.id % 10 <> 0 THEN wt.received_at + (wt.id % 12) * interval '1 hour' END, wt.received_at, wt.received_at
       FROM workflow.tickets wt WHERE wt.routing = 'routed' AND wt.ticket_number LIKE 'TX2025%'`,
      wf.id,
      version.id,
      step.id,
      coord,
      coord2,
    );
    await db.$executeRawUnsafe(
      `INSERT INTO workflow.task_items (task_id, user_id, role_id, step_id, step_name, status, origin, assigned_on, sla_started_at,
       acted_on, target_resolution)
     SELECT k.id, CASE WHEN k.id % 2 = 0 THEN $1::int ELSE $2::int END, $3::int, k.current_step_id, 'Triage',
            CASE WHEN k.status = 'completed' THEN 'resolved' ELSE 'in_progress' END,
            CASE WHEN k.id % 20 = 0 THEN 'Escalation' WHEN k.id % 33 = 0 THEN 'Transferred' ELSE 'System' END,
            k.started_at, k.started_at, k.completed_at, k.target_resolution
       FROM workflow.tasks k JOIN workflow.tickets wt ON wt.id = k.ticket_id WHERE wt.ticket_number LIKE 'TX2025%'`,
      agent1,
      agent2,
      (await db.role.findFirstOrThrow({ where: { system: 'tts', name: 'Support Agent' } })).id,
    );
    // What the routing delivery (hdts.update_ticket_sla) writes: the workflow that took each routed ticket.
    await db.$executeRawUnsafe(
      `UPDATE helpdesk.tickets t SET workflow_id = k.workflow_id FROM workflow.tickets wt JOIN workflow.tasks k ON k.ticket_id = wt.id
       WHERE wt.ticket_number = t.ticket_number AND wt.ticket_number LIKE 'TX2025%'`,
    );
    // The steady state autovacuum keeps: statistics and the visibility map (index-only scans) up to date.
    for (const t of ['helpdesk.tickets', 'workflow.tickets', 'workflow.tasks', 'workflow.task_items'])
      await db.$executeRawUnsafe(`VACUUM ANALYZE ${t}`);
  }

  const coordinator = await loadActor(coord);
  const admin = await loadActor(await id('admin'));
  if (!coordinator || !admin) throw new Error('demo users missing');
  const day = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString().slice(0, 10);
  const cases: [string, () => Promise<unknown>][] = [
    ['coordinator home (12 weeks of CSAT)', () => coordinatorHome(coordinator, { weeks: 12 })],
    ['admin report, last 30 days', () => adminReport(admin, { format: 'json' })],
    ['admin report, a quarter', () => adminReport(admin, { from: day(90), to: day(0), format: 'json' })],
    [
      'admin report, 30 days, Finance + High',
      () => adminReport(admin, { from: day(29), to: day(0), department: 'Finance', priority: 'High', format: 'json' }),
    ],
    ['admin report, 30 days, one workflow', () => adminReport(admin, { workflow_id: wf.id, format: 'json' })],
    ['admin report, a year', () => adminReport(admin, { from: day(365), to: day(0), format: 'json' })],
    ['all tasks, first page', () => allTasks(admin, { page: 1, page_size: 20 })],
    ['all tasks, open and breached', () => allTasks(admin, { page: 1, page_size: 20, sla: 'breached' })],
    [
      'all tasks, one step, one assignee, page 50',
      () => allTasks(admin, { page: 50, page_size: 20, step_id: step.id, assigned_user: agent1 }),
    ],
    ['all tasks, search by subject', () => allTasks(admin, { page: 1, page_size: 20, search: 'Bench 19999' })],
    ['audit log, workflow, first page', () => workflowAudit(admin, { page: 1, page_size: 25, context: 'workflow' })],
  ];
  for (const [, fn] of cases) await fn(); // warm up
  console.log(
    `\nDashboards (${TICKETS.toLocaleString('en-US')} tickets, ${TASKS.toLocaleString('en-US')} routed with tasks, ${ROUNDS} rounds)`,
  );
  line('load: set-based inserts + ANALYZE, seconds', `${loadSeconds.toFixed(1)} s`);
  for (const [label, fn] of cases) {
    const samples: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const s = performance.now();
      await fn();
      samples.push(performance.now() - s);
    }
    const s = summarize(samples);
    line(`${label}: p50 / p95`, `${ms(s.p50)} / ${ms(s.p95)}`, '≤ 300 ms');
  }
  const floor: number[] = [];
  for (let i = 0; i < 20; i++) {
    const s = performance.now();
    await db.$queryRaw`SELECT 1`;
    floor.push(performance.now() - s);
  }
  line('baseline: SELECT 1 round trip: p50', ms(summarize(floor).p50));
  await disconnectDb();
  await db0?.stop();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
