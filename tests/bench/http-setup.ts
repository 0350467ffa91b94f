/**
 * What the HTTP benchmarks share: the set-based load of a million help-desk tickets and the child servers (the
 * production `server.ts`, the raw baseline) they start on it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

export const SEED_PASSWORD = process.env.SEED_PASSWORD ?? 'Switchboard!2026';

const THINGS = ['VPN', 'Printer', 'Laptop', 'Monitor', 'Password', 'E-mail', 'Wi-Fi', 'Docking station', 'Outlook', 'Teams'];
const PROBLEMS = ['drops every hour', 'is offline', 'runs slow', 'flickers', 'keeps asking to sign in', 'will not start'];

/**
 * `tickets` help-desk tickets loaded set-based beside the demo seed: 2,000 requesters (`bench1…`, no password), ids in
 * creation order over four years, every status, 1 in 10 with two comments (one internal), 1 in 2,000 employee1's, 1
 * in 3 owned by coordinator1 and assigned to agent1. Answers 2,000 sample ticket numbers (of tickets with comments)
 * and the keyset cursor of staff's list 100,000 rows down.
 */
export async function loadTickets(url: string, tickets: number) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const t0 = performance.now();
  await c.query(`
    INSERT INTO identity.users (username, email, first_name, last_name, password_hash, updated_at)
    SELECT 'bench' || i, 'bench' || i || '@example.com', 'Bench', 'User ' || i, '!', now()
      FROM generate_series(1, 2000) i`);
  const { rows: ids } = await c.query(`SELECT min(id) AS lo, max(id) AS hi FROM identity.users WHERE username LIKE 'bench%'`);
  const { rows: emp } = await c.query(`SELECT id FROM identity.users WHERE email = 'employee1@example.com'`);
  const { rows: owner } = await c.query(`SELECT id FROM identity.users WHERE email = 'coordinator1@example.com'`);
  const { rows: agent } = await c.query(`SELECT id FROM identity.users WHERE email = 'agent1@example.com'`);
  // Ids follow creation order, as in a real help desk (the newest ticket has the highest id).
  // Bulk-load practice: the text indexes are built once after the load, not maintained row by row.
  const { rows: gin } = await c.query(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'helpdesk' AND indexdef LIKE '%USING gin%'`,
  );
  for (const ix of gin) await c.query(`DROP INDEX helpdesk."${ix.indexname}"`);
  const statuses = ['New', 'Open', 'In Progress', 'On Hold', 'Resolved', 'Closed', 'Closed', 'Closed', 'Rejected', 'Withdrawn'];
  const priorities = ['Critical', 'High', 'Medium', 'Low'];
  await c.query(
    `
    INSERT INTO helpdesk.tickets (ticket_number, subject, description, category, sub_category, department, priority,
                                  priority_rank, status, employee_id, owner_id, assignee_id, created_at, updated_at)
    SELECT 'TX' || to_char(ts, 'YYYYMMDD') || lpad((i % 1000000)::text, 6, '0'),
           ($1::text[])[1 + i % 10] || ' ' || ($2::text[])[1 + (i / 10) % 6],
           'Since ' || to_char(ts, 'FMDay') || ' the ' || lower(($1::text[])[1 + i % 10]) || ' ' || ($2::text[])[1 + (i / 10) % 6]
             || '. Ticket ' || i || ' asks for a look at the device, the network and the account.',
           (ARRAY['IT Support','Hardware','Software','Network','Access'])[1 + i % 5], NULL,
           (ARRAY['IT Department','HR Department','Finance Department'])[1 + i % 3],
           ($3::text[])[1 + i % 4], 1 + i % 4, ($4::text[])[1 + (i / 7) % 10],
           CASE WHEN i % 2000 = 0 THEN $7::int ELSE $5::int + i % ($6::int - $5::int + 1) END,
           CASE WHEN i % 3 = 0 THEN $8::int END, CASE WHEN i % 3 = 0 THEN $9::int END,
           ts, ts + interval '1 hour'
      FROM generate_series(1, $10::int) i, LATERAL (SELECT now() - (($10::int + 1 - i) * interval '1 minute') * (4 * 365 * 1440.0 / $10::int) AS ts) d`,
    [THINGS, PROBLEMS, priorities, statuses, ids[0].lo, ids[0].hi, emp[0].id, owner[0].id, agent[0].id, tickets],
  );
  await c.query(`
    INSERT INTO helpdesk.ticket_comments (ticket_id, author_id, body, is_internal, created_at, updated_at)
    SELECT t.id, t.employee_id, 'Any news on this? It still happens (' || k || ').', k = 2, t.created_at + k * interval '1 hour', now()
      FROM helpdesk.tickets t, generate_series(1, 2) k WHERE t.id % 10 = 0`);
  for (const ix of gin) await c.query(ix.indexdef);
  await c.query('VACUUM ANALYZE');
  const s = ((performance.now() - t0) / 1000).toFixed(0);
  await c.end();
  console.log(`loaded ${tickets.toLocaleString('en')} tickets (+${(tickets / 5).toLocaleString('en')} comments) in ${s} s`);
  return sampleTickets(url, tickets);
}

/** 2,000 ticket numbers the point reads pick from, and the keyset cursor 100,000 rows down the staff list. */
export async function sampleTickets(url: string, tickets: number) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows: sample } = await c.query(
    `SELECT ticket_number FROM helpdesk.tickets WHERE id % 10 = 0 ORDER BY random() LIMIT 2000`,
  );
  // The cursor a client walking staff's list by keyset holds 100,000 rows down (as `next_cursor` encodes it).
  const { rows: deep } = await c.query(
    `SELECT id, created_at FROM helpdesk.tickets ORDER BY created_at DESC, id DESC OFFSET ${Math.min(100_000, tickets - 21)} LIMIT 1`,
  );
  const deepCursor = Buffer.from(JSON.stringify(['created_at', 'desc', deep[0].created_at.toISOString(), deep[0].id])).toString(
    'base64url',
  );
  await c.end();
  return { numbers: sample.map((r) => r.ticket_number as string), deepCursor };
}

/** A child Node process (the app or a baseline); its stderr lines that mention an error are shown. */
export function start(name: string, args: string[], cwd: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', () => {});
  child.stderr?.on('data', (d) => {
    const text = String(d);
    if (/error/i.test(text)) process.stderr.write(`[${name}] ${text}`);
  });
  return child;
}

/** Waits until the server on `port` answers `/health`. */
export async function ready(port: number) {
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server on ${port} did not start`);
}

/** An access token through the real sign-in (`POST /auth/token/`). */
export async function tokenFor(port: number, email: string, headers: Record<string, string> = {}): Promise<string> {
  const r = await fetch(`http://127.0.0.1:${port}/auth/token/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password: SEED_PASSWORD }),
  });
  const body = (await r.json()) as { access?: string };
  if (!body.access) throw new Error(`no token for ${email}: ${JSON.stringify(body)}`);
  return body.access;
}
