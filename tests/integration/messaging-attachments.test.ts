import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as downloadRoute from '@/app/(api)/messaging/api/comments/[id]/attachments/[attachment_id]/route';
import * as attachRoute from '@/app/(api)/messaging/api/comments/[id]/attachments/route';
import * as commentsRoute from '@/app/(api)/messaging/api/comments/route';
import { db } from '@/lib/server/db';
import { stopJobs } from '@/lib/server/jobs/queue';
import { call, snapshot, tokenFor } from '../helpers/api';
import { runMatrix } from '../helpers/matrix';
import { threadTicket } from '../helpers/thread';

let T = '';
const TABLES = ['helpdesk.ticket_comment_attachments', 'audit.audit_log'];

function form(name: string, data: string | Buffer, type = 'application/octet-stream') {
  const f = new FormData();
  f.append('file', new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type }), name);
  return f;
}

let agent: string;
let publicComment: number;
let internalComment: number;

beforeAll(async () => {
  T = (await threadTicket({ owner: null })).number;
  agent = await tokenFor('agent1');
  publicComment = (await call(commentsRoute, 'POST', '/x', { token: agent, body: { ticket_id: T, text: 'See the log' } })).body
    .id;
  internalComment = (
    await call(commentsRoute, 'POST', '/x', { token: agent, body: { ticket_id: T, text: 'Internal log', is_internal: true } })
  ).body.id;
});
afterAll(async () => {
  await stopJobs();
});

describe('comment attachments', () => {
  it('the author attaches a file (hashed, name sanitised); who may see the comment downloads it', async () => {
    const res = await call(attachRoute, 'POST', '/x', {
      token: agent,
      params: { id: publicComment },
      rawBody: form('../../etc/vpn.log', 'line 1\nline 2\n'),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.attachments).toHaveLength(1);
    const a = res.body.attachments[0];
    expect(a).toMatchObject({ file_name: 'vpn.log', content_type: 'text/plain', size: 14 });
    const row = await db.ticketCommentAttachment.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    const dl = await call(downloadRoute, 'GET', '/x', {
      token: await tokenFor('employee1'),
      params: { id: publicComment, attachment_id: a.id },
    });
    expect(dl.status).toBe(200);
    expect(dl.body).toBe('line 1\nline 2\n');
    expect(dl.headers.get('content-disposition')).toContain('vpn.log');
    const other = await call(downloadRoute, 'GET', '/x', {
      token: await tokenFor('employee2'),
      params: { id: publicComment, attachment_id: a.id },
    });
    expect(other.status).toBe(404);
  });

  it('refuses content that does not match its extension, and non-authors, changing nothing', async () => {
    const before = await snapshot(TABLES);
    const fake = await call(attachRoute, 'POST', '/x', {
      token: agent,
      params: { id: publicComment },
      rawBody: form('photo.png', 'not a png'),
    });
    expect(fake.status).toBe(415);
    const notAuthor = await call(attachRoute, 'POST', '/x', {
      token: await tokenFor('employee1'),
      params: { id: publicComment },
      rawBody: form('a.txt', 'x'),
    });
    expect(notAuthor.status).toBe(403);
    expect(await snapshot(TABLES)).toEqual(before);
  });
});

describe('authorization matrix: comment attachments', () => {
  runMatrix([
    {
      name: '/messaging/api/comments/{id}/attachments/ (internal comment by agent1)',
      route: attachRoute,
      method: 'POST',
      path: '/messaging/api/comments/x/attachments/',
      options: () => ({ params: { id: internalComment }, rawBody: form('notes.txt', 'hello') }),
      expect: { anonymous: 401, employee: 404, otherEmployee: 404, agent: 201, otherwise: 403 },
      tables: TABLES,
    },
  ]);
});
