/**
 * The physical ceiling for tests/bench/http.ts: a plain Node `http` server with a `pg` pool that serves the same
 * lookups from the same database in as few statements as possible (no framework, no authentication, no rate
 * limit, no validation). `PORT=4331 DATABASE_URL=… npx tsx tests/bench/http-raw.ts`.
 */
import http from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
pool.on('error', () => {});

const TICKET = `
  SELECT t.*, e.first_name || ' ' || e.last_name AS employee_name, e.email AS employee_email,
         (SELECT coalesce(json_agg(json_build_object('id', c.id, 'user_id', c.author_id, 'comment', c.body,
                   'is_internal', c.is_internal, 'created_at', c.created_at) ORDER BY c.id), '[]')
            FROM helpdesk.ticket_comments c WHERE c.ticket_id = t.id) AS comments,
         (SELECT coalesce(json_agg(a.* ORDER BY a.id), '[]') FROM helpdesk.ticket_attachments a WHERE a.ticket_id = t.id) AS attachments
    FROM helpdesk.tickets t JOIN identity.users e ON e.id = t.employee_id
   WHERE t.ticket_number = $1`;
const LIST = `
  SELECT t.id, t.ticket_number, t.subject, t.status, t.priority, t.category, t.employee_id, t.created_at, t.updated_at
    FROM helpdesk.tickets t ORDER BY t.created_at DESC, t.id DESC LIMIT 20 OFFSET $1`;
const SEARCH = `
  SELECT t.id, t.ticket_number, t.subject, t.status, t.created_at FROM helpdesk.tickets t
   WHERE t.search @@ websearch_to_tsquery('english', $1)
   ORDER BY t.created_at DESC, t.id DESC LIMIT 20`;

function send(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

http
  .createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      const byNumber = /^\/ticket\/(TX\d+)$/.exec(url.pathname);
      if (byNumber) {
        const { rows } = await pool.query(TICKET, [byNumber[1]]);
        return rows[0] ? send(res, 200, rows[0]) : send(res, 404, { error: 'not found' });
      }
      if (url.pathname === '/tickets') {
        const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
        const { rows } = await pool.query(LIST, [(page - 1) * 20]);
        return send(res, 200, { results: rows });
      }
      if (url.pathname === '/search') {
        const { rows } = await pool.query(SEARCH, [url.searchParams.get('q') ?? '']);
        return send(res, 200, { results: rows });
      }
      if (url.pathname === '/health') {
        await pool.query('SELECT 1');
        return send(res, 200, { status: 'ok' });
      }
      send(res, 404, { error: 'not found' });
    } catch (e) {
      send(res, 500, { error: (e as Error).message });
    }
  })
  .listen(Number(process.env.PORT ?? 4331), () => console.log('raw baseline ready'));
