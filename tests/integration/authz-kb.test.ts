/**
 * Authorization matrix of the knowledge base: every /hdts/api/kb route × every role → expected status.
 * The matrix's coordinator (coordinator1) and agent (agent1) are staff without the Knowledge Editor role; the
 * admin (HDTS Admin) is an editor. A separate block covers a plain Knowledge Editor. Refused calls leave the
 * knowledge tables, the help-desk tables and the audit log unchanged (checked by runMatrix).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as feedbackRoute from '@/app/(api)/hdts/api/kb/articles/[id]/feedback/route';
import * as articleRoute from '@/app/(api)/hdts/api/kb/articles/[id]/route';
import * as statusRoute from '@/app/(api)/hdts/api/kb/articles/[id]/status/route';
import * as restoreRoute from '@/app/(api)/hdts/api/kb/articles/[id]/versions/[version]/restore/route';
import * as versionRoute from '@/app/(api)/hdts/api/kb/articles/[id]/versions/[version]/route';
import * as versionsRoute from '@/app/(api)/hdts/api/kb/articles/[id]/versions/route';
import * as viewsRoute from '@/app/(api)/hdts/api/kb/articles/[id]/views/route';
import * as articlesRoute from '@/app/(api)/hdts/api/kb/articles/route';
import * as categoriesRoute from '@/app/(api)/hdts/api/kb/categories/route';
import * as deflectionRoute from '@/app/(api)/hdts/api/kb/deflections/[attempt]/route';
import * as deflectionsRoute from '@/app/(api)/hdts/api/kb/deflections/route';
import * as previewRoute from '@/app/(api)/hdts/api/kb/preview/route';
import * as statsRoute from '@/app/(api)/hdts/api/kb/stats/route';
import * as suggestionsRoute from '@/app/(api)/hdts/api/kb/suggestions/route';
import * as draftRoute from '@/app/(api)/hdts/api/kb/tickets/[id]/draft/route';
import * as ticketSuggestionsRoute from '@/app/(api)/hdts/api/kb/tickets/[id]/suggestions/route';
import { createTicket } from '@/lib/domain/helpdesk/commands/create';
import { changeStatus } from '@/lib/domain/helpdesk/commands/status';
import { approveTicket } from '@/lib/domain/helpdesk/commands/triage';
import { recordDeflection } from '@/lib/domain/knowledge/commands';
import type { ArticleStatus } from '@/lib/domain/knowledge/schemas';
import { stopJobs } from '@/lib/server/jobs/queue';
import { startJobs } from '@/lib/server/jobs/workers';
import { type CallOptions, call } from '../helpers/api';
import { HDTS_TABLES } from '../helpers/hdts';
import { actorOf, article, KB_TABLES, makeEditor } from '../helpers/kb';
import { type MatrixRow, runMatrix } from '../helpers/matrix';

beforeAll(async () => {
  await startJobs({ workers: false });
});
afterAll(async () => {
  await stopJobs();
});

const TABLES = [...new Set([...KB_TABLES, ...HDTS_TABLES])];
const SIGNED_IN = { anonymous: 401, otherwise: 200 } as const;
/** Editor-only actions on an article everyone can read: others are refused (403). */
const EDITOR = { anonymous: 401, admin: 200, otherwise: 403 } as const;
/** Editor-only actions on a draft: invisible to non-editors (404). */
const EDITOR_ON_DRAFT = { anonymous: 401, admin: 200, otherwise: 404 } as const;
const STAFF_ONLY = { anonymous: 401, employee: 404, otherEmployee: 404, otherwise: 200 } as const;

/** A fresh article per call, so each role acts on the same starting state. */
function onArticle(
  status: ArticleStatus,
  extra: (a: { id: number; slug: string }) => CallOptions = () => ({}),
  visibility: 'everyone' | 'staff' = 'everyone',
) {
  return async (): Promise<CallOptions> => {
    const a = await article({ title: 'Matrix article', visibility }, status);
    return { params: { id: a.id }, ...extra(a) };
  };
}

/** A fresh ticket of employee1: approved, optionally resolved. */
async function ticket(resolved: boolean) {
  const t = await createTicket(await actorOf('employee1'), {
    subject: 'Matrix VPN drops',
    description: 'It drops.',
    category: 'IT Support',
    sub_category: null,
    department: null,
  });
  const coord = await actorOf('coordinator1');
  await approveTicket(coord, t.id, { priority: 'Low', department: 'IT Department' });
  if (resolved) await changeStatus(coord, t.id, 'Resolved', { resolution_notes: 'Restarted the client.' });
  return t.ticket_number;
}

const validArticle = { title: 'Matrix new', body: 'Text', category: 'Others' };

const rows: MatrixRow[] = [
  { name: '/hdts/api/kb/articles/', route: articlesRoute, method: 'GET', path: '/x', expect: SIGNED_IN },
  {
    name: '/hdts/api/kb/articles/',
    route: articlesRoute,
    method: 'POST',
    path: '/x',
    options: { body: validArticle },
    expect: { anonymous: 401, admin: 201, otherwise: 403 },
  },
  {
    name: '/hdts/api/kb/articles/{id}/ (published)',
    route: articleRoute,
    method: 'GET',
    path: '/x',
    options: onArticle('published'),
    expect: SIGNED_IN,
  },
  {
    name: '/hdts/api/kb/articles/{id}/ (staff only)',
    route: articleRoute,
    method: 'GET',
    path: '/x',
    options: onArticle('published', () => ({}), 'staff'),
    expect: STAFF_ONLY,
  },
  {
    name: '/hdts/api/kb/articles/{id}/ (draft)',
    route: articleRoute,
    method: 'GET',
    path: '/x',
    options: onArticle('draft'),
    expect: EDITOR_ON_DRAFT,
  },
  {
    name: '/hdts/api/kb/articles/{id}/ (archived)',
    route: articleRoute,
    method: 'GET',
    path: '/x',
    options: onArticle('archived'),
    expect: EDITOR_ON_DRAFT,
  },
  {
    name: '/hdts/api/kb/articles/{id}/ (published)',
    route: articleRoute,
    method: 'PATCH',
    path: '/x',
    options: onArticle('published', () => ({ body: { body: 'Edited text' } })),
    expect: EDITOR,
  },
  {
    name: '/hdts/api/kb/articles/{id}/ (staff only)',
    route: articleRoute,
    method: 'PATCH',
    path: '/x',
    options: onArticle('published', () => ({ body: { body: 'Edited text' } }), 'staff'),
    expect: { ...EDITOR, employee: 404, otherEmployee: 404 },
  },
  {
    name: '/hdts/api/kb/articles/{id}/status/ (publish a draft)',
    route: statusRoute,
    method: 'POST',
    path: '/x',
    options: onArticle('draft', () => ({ body: { status: 'published' } })),
    expect: EDITOR_ON_DRAFT,
  },
  {
    name: '/hdts/api/kb/articles/{id}/status/ (archive)',
    route: statusRoute,
    method: 'POST',
    path: '/x',
    options: onArticle('published', () => ({ body: { status: 'archived' } })),
    expect: EDITOR,
  },
  {
    name: '/hdts/api/kb/articles/{id}/versions/',
    route: versionsRoute,
    method: 'GET',
    path: '/x',
    options: onArticle('published'),
    expect: EDITOR,
  },
  {
    name: '/hdts/api/kb/articles/{id}/versions/{version}/',
    route: versionRoute,
    method: 'GET',
    path: '/x',
    options: onArticle('published', (a) => ({ params: { id: a.id, version: 1 } })),
    expect: EDITOR,
  },
  {
    name: '/hdts/api/kb/articles/{id}/versions/{version}/restore/',
    route: restoreRoute,
    method: 'POST',
    path: '/x',
    options: onArticle('published', (a) => ({ params: { id: a.id, version: 1 } })),
    expect: EDITOR,
  },
  {
    name: '/hdts/api/kb/articles/{id}/feedback/',
    route: feedbackRoute,
    method: 'POST',
    path: '/x',
    options: onArticle('published', () => ({ body: { helpful: true } })),
    expect: SIGNED_IN,
  },
  {
    name: '/hdts/api/kb/articles/{id}/feedback/ (staff only)',
    route: feedbackRoute,
    method: 'POST',
    path: '/x',
    options: onArticle('published', () => ({ body: { helpful: false } }), 'staff'),
    expect: STAFF_ONLY,
  },
  {
    name: '/hdts/api/kb/articles/{id}/views/',
    route: viewsRoute,
    method: 'POST',
    path: '/x',
    options: onArticle('published'),
    expect: SIGNED_IN,
  },
  {
    name: '/hdts/api/kb/articles/{id}/views/ (draft)',
    route: viewsRoute,
    method: 'POST',
    path: '/x',
    options: onArticle('draft'),
    expect: EDITOR_ON_DRAFT,
  },
  {
    name: '/hdts/api/kb/suggestions/',
    route: suggestionsRoute,
    method: 'GET',
    path: '/x',
    options: { query: { q: 'vpn drops' } },
    expect: SIGNED_IN,
  },
  {
    name: '/hdts/api/kb/deflections/',
    route: deflectionsRoute,
    method: 'POST',
    path: '/x',
    options: async () => {
      const a = await article({ title: 'Matrix deflection' });
      return { body: { attempt_id: `matrix-${randomUUID()}`, article_id: a.id } };
    },
    // whoever submits tickets (employees, coordinators, HDTS admins); agents do not
    expect: { anonymous: 401, agent: 403, otherwise: 201 },
  },
  {
    name: '/hdts/api/kb/deflections/{attempt}/',
    route: deflectionRoute,
    method: 'DELETE',
    path: '/x',
    options: async () => {
      const a = await article({ title: 'Matrix withdrawal' });
      const attempt = `matrix-${randomUUID()}`;
      await recordDeflection(await actorOf('employee1'), { attempt_id: attempt, article_id: a.id });
      return { params: { attempt } };
    },
    // only the employee who recorded it takes it back; for everyone else it does not exist
    expect: { anonymous: 401, employee: 204, otherwise: 404 },
  },
  {
    name: '/hdts/api/kb/tickets/{id}/suggestions/',
    route: ticketSuggestionsRoute,
    method: 'GET',
    path: '/x',
    options: async () => ({ params: { id: await ticket(false) } }),
    // the requester sees the ticket but not the staff panel; others who cannot see it get 404
    expect: { anonymous: 401, employee: 403, otherEmployee: 404, agent: 404, otherwise: 200 },
  },
  {
    name: '/hdts/api/kb/tickets/{id}/draft/',
    route: draftRoute,
    method: 'GET',
    path: '/x',
    options: async () => ({ params: { id: await ticket(true) } }),
    expect: { anonymous: 401, employee: 403, otherEmployee: 404, agent: 404, coordinator: 403, admin: 200, otherwise: 403 },
  },
  { name: '/hdts/api/kb/categories/', route: categoriesRoute, method: 'GET', path: '/x', expect: SIGNED_IN },
  {
    name: '/hdts/api/kb/stats/',
    route: statsRoute,
    method: 'GET',
    path: '/x',
    expect: { anonymous: 401, admin: 200, otherwise: 403 },
  },
  {
    name: '/hdts/api/kb/preview/',
    route: previewRoute,
    method: 'POST',
    path: '/x',
    options: { body: { body: '# Hi' } },
    expect: { anonymous: 401, admin: 200, otherwise: 403 },
  },
].map((r) => ({ ...r, tables: TABLES }) as MatrixRow);

describe('knowledge-base authorization matrix', () => {
  runMatrix(rows);
});

describe('a Knowledge Editor who is not an admin', () => {
  it('writes, publishes, archives and restores, but reads no figures and cannot re-scope a published article', async () => {
    const { token } = await makeEditor();
    const created = await call(articlesRoute, 'POST', '/x', { token, body: validArticle });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await call(articleRoute, 'GET', '/x', { token, params: { id } })).status).toBe(200);
    expect((await call(articleRoute, 'PATCH', '/x', { token, params: { id }, body: { visibility: 'staff' } })).status).toBe(200);
    expect((await call(statusRoute, 'POST', '/x', { token, params: { id }, body: { status: 'published' } })).status).toBe(200);
    expect((await call(articleRoute, 'PATCH', '/x', { token, params: { id }, body: { visibility: 'everyone' } })).status).toBe(
      403,
    );
    expect((await call(articleRoute, 'PATCH', '/x', { token, params: { id }, body: { body: 'New text' } })).status).toBe(200);
    expect((await call(versionsRoute, 'GET', '/x', { token, params: { id } })).status).toBe(200);
    expect((await call(restoreRoute, 'POST', '/x', { token, params: { id, version: 2 } })).status).toBe(200);
    expect((await call(statusRoute, 'POST', '/x', { token, params: { id }, body: { status: 'archived' } })).status).toBe(200);
    expect((await call(previewRoute, 'POST', '/x', { token, body: { body: 'x' } })).status).toBe(200);
    expect((await call(statsRoute, 'GET', '/x', { token })).status).toBe(403);
    // not staff otherwise: no help-desk ticket is visible to them
    expect((await call(draftRoute, 'GET', '/x', { token, params: { id: await ticket(true) } })).status).toBe(404);
  });
});
