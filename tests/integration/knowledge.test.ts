/**
 * Knowledge base: validation, visibility on every read path, search, versions and restore, deflections,
 * feedback, safe Markdown, drafts from resolved tickets and the admin's figures — through the route handlers.
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
import { renderMarkdown } from '@/lib/markdown/render';
import { db } from '@/lib/server/db';
import { stopJobs } from '@/lib/server/jobs/queue';
import { startJobs } from '@/lib/server/jobs/workers';
import { call, snapshot, tokenFor } from '../helpers/api';
import { actorOf, article, KB_TABLES, makeEditor } from '../helpers/kb';

let editor: Awaited<ReturnType<typeof makeEditor>>;
const run = randomUUID().slice(0, 6);

beforeAll(async () => {
  await startJobs({ workers: false });
  editor = await makeEditor();
});
afterAll(async () => {
  await stopJobs();
});

const valid = () => ({
  title: `Printer jams ${run}`,
  body: 'Open tray 2 and remove the paper.',
  category: 'IT Support',
  sub_category: 'Printer/Scanner Setup or Issue',
  tags: ['printer'],
});

describe('creating and editing articles', () => {
  it('creates a draft with version 1, the department from the catalog and a slug from the title', async () => {
    const res = await call(articlesRoute, 'POST', '/hdts/api/kb/articles/', { token: editor.token, body: valid() });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      status: 'draft',
      version: 1,
      department: 'IT Department',
      category: 'IT Support',
      sub_category: 'Printer/Scanner Setup or Issue',
      tags: ['printer'],
      visibility: 'everyone',
      slug: `printer-jams-${run}`,
      url: `/kb/printer-jams-${run}`,
    });
    const again = await call(articlesRoute, 'POST', '/hdts/api/kb/articles/', { token: editor.token, body: valid() });
    expect(again.body.slug).toBe(`printer-jams-${run}-2`);
  });

  it.each([
    ['no title', { title: undefined }, 'title'],
    ['a blank title', { title: '   ' }, 'title'],
    ['an unknown category', { category: 'Coffee Machines' }, 'category'],
    ['a sub-category of another category', { category: 'Asset Check In' }, 'sub_category'],
    ['an unknown department', { department: 'Space Department' }, 'department'],
    ['an oversized body', { body: 'x'.repeat(100_001) }, 'body'],
    ['a bad visibility', { visibility: 'public' }, 'visibility'],
    ['too many tags', { tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, 'tags'],
  ])('refuses %s with a 400 naming the field and saves nothing', async (_label, change, field) => {
    const before = await snapshot(KB_TABLES);
    const res = await call(articlesRoute, 'POST', '/hdts/api/kb/articles/', {
      token: editor.token,
      body: { ...valid(), ...change },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body).toMatchObject({ status: 'error', code: 'VALIDATION_ERROR' });
    expect(res.body.details[field], JSON.stringify(res.body.details)).toEqual([expect.any(String)]);
    expect(await snapshot(KB_TABLES)).toEqual(before);
  });

  it('refuses an edit with bad input or from a non-editor and changes nothing', async () => {
    const a = await article({ title: 'Edit me' }, 'draft');
    const agentToken = await tokenFor('agent1');
    const before = await snapshot(KB_TABLES);
    const bad = await call(articleRoute, 'PATCH', '/x', {
      token: editor.token,
      params: { id: a.id },
      body: { title: '', category: 'Nope' },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details)).toEqual(expect.arrayContaining(['title']));
    const unknown = await call(articleRoute, 'PATCH', '/x', {
      token: editor.token,
      params: { id: a.id },
      body: { category: 'Nope' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details.category).toHaveLength(1);
    const agent = await call(articleRoute, 'PATCH', '/x', {
      token: agentToken,
      params: { id: a.id },
      body: { title: 'X' },
    });
    expect(agent.status).toBe(404); // a draft does not exist for a non-editor
    expect(await snapshot(KB_TABLES)).toEqual(before);
  });

  it('keeps every version with who changed what, and restores an old one as a new version', async () => {
    const a = await article({ title: 'Versioned', body: 'First text.' }, 'draft', { by: editor.actor });
    const other = await makeEditor();
    const e1 = await call(articleRoute, 'PATCH', '/x', {
      token: other.token,
      params: { id: a.id },
      body: { body: 'Second text.', tags: ['vpn'], expected_version: 1, change_note: 'clearer' },
    });
    expect(e1.status, JSON.stringify(e1.body)).toBe(200);
    expect(e1.body.version).toBe(2);
    const same = await call(articleRoute, 'PATCH', '/x', {
      token: other.token,
      params: { id: a.id },
      body: { body: 'Second text.' },
    });
    expect(same.body.version).toBe(2); // nothing changed: no new version

    const stale = await call(articleRoute, 'PATCH', '/x', {
      token: editor.token,
      params: { id: a.id },
      body: { title: 'Stale edit', expected_version: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');

    const list = await call(versionsRoute, 'GET', '/x', { token: editor.token, params: { id: a.id } });
    expect(list.status).toBe(200);
    expect(list.body.current_version).toBe(2);
    expect(list.body.results).toMatchObject([
      { version: 2, changes: ['body', 'tags'], note: 'clearer', editor: { id: other.user.id }, is_current: true },
      { version: 1, changes: ['created'], editor: { id: editor.user.id } },
    ]);
    const v1 = await call(versionRoute, 'GET', '/x', { token: editor.token, params: { id: a.id, version: 1 } });
    expect(v1.body).toMatchObject({ version: 1, body: 'First text.', tags: [] });

    const restored = await call(restoreRoute, 'POST', '/x', { token: editor.token, params: { id: a.id, version: 1 } });
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect(restored.body.version).toBe(3);
    const now = await call(articleRoute, 'GET', '/x', { token: editor.token, params: { id: a.id } });
    expect(now.body).toMatchObject({ body: 'First text.', tags: [], version: 3 });
    const after = await call(versionsRoute, 'GET', '/x', { token: editor.token, params: { id: a.id } });
    expect(after.body.results[0]).toMatchObject({ version: 3, note: 'Restored version 1', changes: ['body', 'tags'] });
    expect(after.body.results).toHaveLength(3);

    const missing = await call(restoreRoute, 'POST', '/x', { token: editor.token, params: { id: a.id, version: 9 } });
    expect(missing.status).toBe(404);
  });

  it('moves draft → published → archived and refuses other jumps', async () => {
    const a = await article({ title: 'Lifecycle' }, 'draft');
    const pub = await call(statusRoute, 'POST', '/x', {
      token: editor.token,
      params: { id: a.id },
      body: { status: 'published' },
    });
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ status: 'published', published_at: expect.any(String) });
    const arch = await call(statusRoute, 'POST', '/x', {
      token: editor.token,
      params: { id: a.id },
      body: { status: 'archived' },
    });
    expect(arch.body.status).toBe('archived');
    const bad = await call(statusRoute, 'POST', '/x', { token: editor.token, params: { id: a.id }, body: { status: 'gone' } });
    expect(bad.status).toBe(400);
    expect(bad.body.details.status).toHaveLength(1);
  });

  it('lets only admins change the visibility or category of a published article', async () => {
    const a = await article({ title: 'Live answer' });
    const before = await snapshot(KB_TABLES);
    const byEditor = await call(articleRoute, 'PATCH', '/x', {
      token: editor.token,
      params: { id: a.id },
      body: { visibility: 'staff' },
    });
    expect(byEditor.status).toBe(403);
    expect(await snapshot(KB_TABLES)).toEqual(before);
    const byAdmin = await call(articleRoute, 'PATCH', '/x', {
      token: await tokenFor('admin'),
      params: { id: a.id },
      body: { visibility: 'staff' },
    });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.visibility).toBe('staff');
    // content edits stay open to editors
    const text = await call(articleRoute, 'PATCH', '/x', {
      token: editor.token,
      params: { id: a.id },
      body: { body: 'Better text.' },
    });
    expect(text.status).toBe(200);
  });
});

describe('visibility: an employee never sees a staff-only, draft or archived article', () => {
  const word = `zephyrine${run}`;
  let pub: { id: number; slug: string };
  let staff: { id: number; slug: string };
  let draft: { id: number; slug: string };
  let archived: { id: number; slug: string };

  beforeAll(async () => {
    pub = await article({
      title: `Public ${word}`,
      body: `The ${word} answer for everyone.`,
      sub_category: 'Technical Assistance',
      tags: [word],
    });
    staff = await article({
      title: `Staff ${word}`,
      body: `The ${word} runbook.`,
      visibility: 'staff',
      sub_category: 'Technical Assistance',
      tags: [word],
    });
    draft = await article({ title: `Draft ${word}`, body: `The ${word} draft.`, sub_category: 'Technical Assistance' }, 'draft');
    archived = await article(
      { title: `Old ${word}`, body: `The ${word} old way.`, sub_category: 'Technical Assistance' },
      'archived',
    );
  });

  const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort();

  it('in search, browse and suggestions', async () => {
    const emp = await tokenFor('employee1');
    const agent = await tokenFor('agent1');
    const search = await call(articlesRoute, 'GET', '/x', { token: emp, query: { q: word } });
    expect(ids(search.body.results)).toEqual([pub.id]);
    expect(search.body.count).toBe(1);
    const staffSearch = await call(articlesRoute, 'GET', '/x', { token: agent, query: { q: word } });
    expect(ids(staffSearch.body.results)).toEqual(ids([pub, staff]));

    const browse = await call(articlesRoute, 'GET', '/x', { token: emp, query: { tag: word } });
    expect(ids(browse.body.results)).toEqual([pub.id]);
    // asking for drafts is not an editor's privilege for others: still published only
    const asked = await call(articlesRoute, 'GET', '/x', { token: emp, query: { q: word, status: 'draft,archived' } });
    expect(ids(asked.body.results)).toEqual([pub.id]);
    const askedStaff = await call(articlesRoute, 'GET', '/x', { token: emp, query: { q: word, visibility: 'staff' } });
    expect(askedStaff.body.results).toEqual([]);

    const sug = await call(suggestionsRoute, 'GET', '/x', { token: emp, query: { q: `how do I ${word}` } });
    expect(ids(sug.body.results)).toEqual([pub.id]);
    const staffSug = await call(suggestionsRoute, 'GET', '/x', { token: agent, query: { q: word } });
    expect(ids(staffSug.body.results)).toEqual(ids([pub, staff]));

    const editorDrafts = await call(articlesRoute, 'GET', '/x', {
      token: editor.token,
      query: { q: word, status: 'draft,archived' },
    });
    expect(ids(editorDrafts.body.results)).toEqual(ids([draft, archived]));
  });

  it('on the article, its feedback, views, deflections and related articles', async () => {
    const emp = await tokenFor('employee1');
    for (const hidden of [staff, draft, archived]) {
      for (const ref of [hidden.id, hidden.slug]) {
        expect((await call(articleRoute, 'GET', '/x', { token: emp, params: { id: ref } })).status).toBe(404);
      }
      const before = await snapshot(KB_TABLES);
      expect(
        (await call(feedbackRoute, 'POST', '/x', { token: emp, params: { id: hidden.id }, body: { helpful: true } })).status,
      ).toBe(404);
      expect((await call(viewsRoute, 'POST', '/x', { token: emp, params: { id: hidden.id } })).status).toBe(404);
      const d = await call(deflectionsRoute, 'POST', '/x', {
        token: emp,
        body: { attempt_id: `hidden-${hidden.id}-${run}`, article_id: hidden.id },
      });
      expect(d.status).toBe(404);
      expect(await snapshot(KB_TABLES)).toEqual(before);
    }
    const page = await call(articleRoute, 'GET', '/x', { token: emp, params: { id: pub.slug } });
    expect(page.status).toBe(200);
    expect(page.body.related.map((r: { id: number }) => r.id)).not.toEqual(expect.arrayContaining([staff.id]));
    expect(page.body.related.map((r: { id: number }) => r.id)).not.toContain(draft.id);
    expect(page.body.source_ticket_number).toBeNull();
    const staffPage = await call(articleRoute, 'GET', '/x', { token: await tokenFor('agent1'), params: { id: pub.slug } });
    expect(staffPage.body.related.map((r: { id: number }) => r.id)).toContain(staff.id);
  });

  it('in the category counts', async () => {
    const count = async (token: string) => {
      const res = await call(categoriesRoute, 'GET', '/x', { token });
      const it = res.body.categories.find((c: { name: string }) => c.name === 'IT Support');
      return it.sub_categories.find((s: { name: string }) => s.name === 'Technical Assistance').articles as number;
    };
    const emp = await count(await tokenFor('employee1'));
    const agent = await count(await tokenFor('agent1'));
    expect(agent - emp).toBeGreaterThanOrEqual(1); // the staff-only one
    await article({ title: 'Another staff one', visibility: 'staff', sub_category: 'Technical Assistance' });
    expect(await count(await tokenFor('employee1'))).toBe(emp);
    expect(await count(await tokenFor('agent1'))).toBe(agent + 1);
  });
});

describe('search', () => {
  it('is stemmed and ranked, title first, with highlighted snippets', async () => {
    const w = `quasar${run}`;
    const inTitle = await article({ title: `${w} connection drops`, body: 'Reconnect the client after it drops.' });
    const inBody = await article({ title: 'Network tips', body: `Sometimes the ${w} link is dropping during calls.` });
    const res = await call(articlesRoute, 'GET', '/x', { token: await tokenFor('employee1'), query: { q: `${w} dropped` } });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { id: number }) => r.id)).toEqual([inTitle.id, inBody.id]);
    expect(res.body.results[1].snippet).toMatch(/<mark>dropping<\/mark>/);
    expect(res.body.results[0].rank).toBeGreaterThan(res.body.results[1].rank);
  });

  it('falls back to any of the words when no article has all of them, still filtered by visibility', async () => {
    const w = `photon${run}`;
    const pub = await article({ title: `${w} keeps flickering` });
    await article({ title: `${w} staff runbook`, visibility: 'staff' });
    const emp = await tokenFor('employee1');
    const all = await call(articlesRoute, 'GET', '/x', { token: emp, query: { q: `${w} flickering` } });
    expect(all.body).toMatchObject({ match: 'all', count: 1 });
    const some = await call(articlesRoute, 'GET', '/x', { token: emp, query: { q: `${w} unobtainium` } });
    expect(some.body.match).toBe('any');
    expect(some.body.results.map((r: { id: number }) => r.id)).toEqual([pub.id]);
  });

  it('takes the fallback from titles and tags only: one of the words in a body is not an answer', async () => {
    const w = `boson${run}`;
    const titled = await article({ title: `${w} will not pair` });
    const tagged = await article({ title: 'Pairing headsets', tags: [w] });
    await article({ title: 'Unrelated tips', body: `Mentions ${w} once, in passing.` });
    const res = await call(articlesRoute, 'GET', '/x', {
      token: await tokenFor('employee1'),
      query: { q: `${w} unobtainium` },
    });
    expect(res.body).toMatchObject({ match: 'any', count: 2, count_capped: false });
    expect(res.body.results.map((r: { id: number }) => r.id).sort()).toEqual([titled.id, tagged.id].sort());
  });

  it('matches a quoted phrase only where its words stand together', async () => {
    const w = `lepton${run}`;
    const together = await article({ title: 'Access points', body: `Move the ${w} access point near the desk.` });
    await article({ title: 'Access rights', body: `Ask for access to the ${w} share; the point is to audit it.` });
    const res = await call(articlesRoute, 'GET', '/x', {
      token: await tokenFor('employee1'),
      query: { q: `"access point" ${w}` },
    });
    expect(res.body).toMatchObject({ match: 'all', count: 1, count_capped: false });
    expect(res.body.results.map((r: { id: number }) => r.id)).toEqual([together.id]);
  });

  it('suggests while typing: any word, the last one as a prefix', async () => {
    const w = `nimbus${run}`;
    const a = await article({ title: `${w} disconnects every hour`, body: 'Keep the session alive.' });
    const res = await call(suggestionsRoute, 'GET', '/x', { token: await tokenFor('employee1'), query: { q: `${w} discon` } });
    expect(res.body.results[0]).toMatchObject({ id: a.id, url: `/kb/${a.slug}` });
    const none = await call(suggestionsRoute, 'GET', '/x', { token: await tokenFor('employee1'), query: { q: '!!! ??' } });
    expect(none.body.results).toEqual([]);
  });

  it('escapes what the snippet quotes', async () => {
    const w = `glyph${run}`;
    await article({ title: `Escaping ${w}`, body: `Type <script>alert(1)</script> near ${w} and see.` });
    const res = await call(articlesRoute, 'GET', '/x', { token: await tokenFor('employee1'), query: { q: w } });
    expect(res.body.results[0].snippet).not.toMatch(/<script/);
    expect(res.body.results[0].snippet).toMatch(new RegExp(`<mark>${w}</mark>`));
  });
});

/** The real elements of an HTML string (escaped text such as &lt;script&gt; is not an element). */
const elements = (html: string) => html.match(/<[a-z][^>]*>/gi) ?? [];
function expectInert(html: string) {
  for (const el of elements(html)) {
    expect(el).not.toMatch(/^<(script|iframe|svg|object|embed|style|div|form|input)/i);
    expect(el).not.toMatch(/\son\w+\s*=/i);
    expect(el).not.toMatch(/(href|src)\s*=\s*"?\s*(javascript|vbscript|data):/i);
  }
}

describe('safe Markdown', () => {
  const attacks = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[click](javascript:alert(1))',
    '[click](JaVaScRiPt:alert(1))',
    '![x](javascript:alert(1))',
    '<a href="javascript:alert(1)">x</a>',
    '<div onclick="alert(1)">x</div>',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '<iframe src="https://evil.example"></iframe>',
    '<svg onload=alert(1)>',
  ];
  it.each(attacks)('renders %s inert', (src) => {
    const html = renderMarkdown(`Hello\n\n${src}\n\n**bold** [ok](https://example.com)`);
    expectInert(html);
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('href="https://example.com"');
  });

  it('serves the article with inert HTML and the preview uses the same sanitiser', async () => {
    const a = await article({ title: 'Attack', body: attacks.join('\n\n') });
    const res = await call(articleRoute, 'GET', '/x', { token: await tokenFor('employee1'), params: { id: a.id } });
    expectInert(res.body.html);
    expect(res.body.html).toContain('&lt;script&gt;');
    const preview = await call(previewRoute, 'POST', '/x', { token: editor.token, body: { body: attacks.join('\n\n') } });
    expect(preview.status).toBe(200);
    expect(preview.body.html).toBe(res.body.html);
  });
});

describe('deflections and feedback', () => {
  it('records a deflection once per submit attempt and creates no ticket', async () => {
    const a = await article({ title: 'Deflect me' });
    const emp = await tokenFor('employee2');
    const tickets = await db.ticket.count();
    const attempt = `attempt-${randomUUID()}`;
    const first = await call(deflectionsRoute, 'POST', '/x', {
      token: emp,
      body: { attempt_id: attempt, article_id: a.id, query: 'deflect' },
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ attempt_id: attempt, article_id: a.id, created: true });
    const again = await call(deflectionsRoute, 'POST', '/x', { token: emp, body: { attempt_id: attempt, article_id: a.id } });
    expect(again.status).toBe(200);
    expect(again.body.created).toBe(false);
    const b = await article({ title: 'Deflect me too' });
    const otherArticle = await call(deflectionsRoute, 'POST', '/x', {
      token: emp,
      body: { attempt_id: attempt, article_id: b.id },
    });
    expect(otherArticle.body).toMatchObject({ created: false, article_id: a.id });
    expect(await db.deflection.count({ where: { attemptId: attempt } })).toBe(1);
    expect((await db.article.findUniqueOrThrow({ where: { id: a.id } })).deflectionCount).toBe(1);
    expect(await db.ticket.count()).toBe(tickets);

    const next = await call(deflectionsRoute, 'POST', '/x', {
      token: emp,
      body: { attempt_id: `attempt-${randomUUID()}`, article_id: a.id },
    });
    expect(next.status).toBe(201);
    expect((await db.article.findUniqueOrThrow({ where: { id: a.id } })).deflectionCount).toBe(2);

    const stolen = await call(deflectionsRoute, 'POST', '/x', {
      token: await tokenFor('employee1'),
      body: { attempt_id: attempt, article_id: a.id },
    });
    expect(stolen.status).toBe(409);
    const bad = await call(deflectionsRoute, 'POST', '/x', { token: emp, body: { attempt_id: 'x', article_id: 'one' } });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toMatchObject({ article_id: [expect.any(String)], attempt_id: [expect.any(String)] });
  });

  it('takes a deflection back on "I still need help": the row, the count and an audit entry; only its owner', async () => {
    const a = await article({ title: 'Did not help after all' });
    const emp = await tokenFor('employee2');
    const attempt = `attempt-${randomUUID()}`;
    await call(deflectionsRoute, 'POST', '/x', { token: emp, body: { attempt_id: attempt, article_id: a.id } });
    expect((await db.article.findUniqueOrThrow({ where: { id: a.id } })).deflectionCount).toBe(1);

    const before = await snapshot(KB_TABLES);
    const other = await call(deflectionRoute, 'DELETE', '/x', { token: await tokenFor('employee1'), params: { attempt } });
    expect(other.status).toBe(404);
    const bad = await call(deflectionRoute, 'DELETE', '/x', { token: emp, params: { attempt: 'x;drop-table' } });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toMatchObject({ 'params.attempt': [expect.any(String)] });
    expect(await snapshot(KB_TABLES)).toEqual(before);

    const mine = await call(deflectionRoute, 'DELETE', '/x', { token: emp, params: { attempt } });
    expect(mine.status, JSON.stringify(mine.body)).toBe(204);
    expect(await db.deflection.count({ where: { attemptId: attempt } })).toBe(0);
    expect((await db.article.findUniqueOrThrow({ where: { id: a.id } })).deflectionCount).toBe(0);
    expect(await db.auditLog.count({ where: { action: 'deflection_withdrawn', entityId: String(a.id) } })).toBe(1);
    const again = await call(deflectionRoute, 'DELETE', '/x', { token: emp, params: { attempt } });
    expect(again.status).toBe(404);
  });

  it('counts one vote per reader, which they may change, and views per day', async () => {
    const a = await article({ title: 'Vote on me' });
    const e1 = await tokenFor('employee1');
    const e2 = await tokenFor('employee2');
    await call(feedbackRoute, 'POST', '/x', { token: e1, params: { id: a.id }, body: { helpful: true } });
    await call(feedbackRoute, 'POST', '/x', { token: e1, params: { id: a.id }, body: { helpful: true } });
    const v = await call(feedbackRoute, 'POST', '/x', { token: e2, params: { id: a.id }, body: { helpful: false } });
    expect(v.body).toMatchObject({ helpful: 1, not_helpful: 1, my_feedback: 'not_helpful' });
    const changed = await call(feedbackRoute, 'POST', '/x', { token: e1, params: { id: a.id }, body: { helpful: false } });
    expect(changed.body).toMatchObject({ helpful: 0, not_helpful: 2 });
    const page = await call(articleRoute, 'GET', '/x', { token: e1, params: { id: a.id } });
    expect(page.body).toMatchObject({ my_feedback: 'not_helpful', helpful: 0, not_helpful: 2 });

    await call(viewsRoute, 'POST', '/x', { token: e1, params: { id: a.id } });
    const view = await call(viewsRoute, 'POST', '/x', { token: e2, params: { id: a.id } });
    expect(view.body.views).toBe(2);
    const days = await db.articleViewDay.findMany({ where: { articleId: a.id } });
    expect(days).toHaveLength(1);
    expect(days[0].views).toBe(2);

    const stats = await call(statsRoute, 'GET', '/x', { token: await tokenFor('admin'), query: { days: 7 } });
    expect(stats.status).toBe(200);
    expect(stats.body.daily).toHaveLength(7);
    expect(stats.body.totals.views).toBeGreaterThanOrEqual(2);
    expect(stats.body.least_helpful[0]).toMatchObject({ helpful_ratio: 0 });
    expect(stats.body.least_helpful.map((r: { id: number }) => r.id)).toContain(a.id);
    expect(stats.body.most_viewed.map((r: { id: number }) => r.id)).toContain(a.id);
  });
});

describe('tickets and articles', () => {
  async function resolvedTicket(subject: string, resolution: string | null) {
    const emp = await actorOf('employee1');
    const coord = await actorOf('coordinator1');
    const t = await createTicket(emp, {
      subject,
      description: 'It stops working after an hour.',
      category: 'IT Support',
      sub_category: 'Internet/Network Connectivity Issue',
      department: null,
    });
    await approveTicket(coord, t.id, { priority: 'Medium', department: 'IT Department' });
    return { t, resolve: () => changeStatus(coord, t.id, 'Resolved', resolution ? { resolution_notes: resolution } : {}) };
  }

  it('suggests articles for a ticket to staff and drafts an article from a resolved one', async () => {
    const w = `tachyon${run}`;
    const a = await article({ title: `${w} drops hourly`, sub_category: 'Internet/Network Connectivity Issue' });
    const { t, resolve } = await resolvedTicket(`My ${w} drops`, 'Turned on keep-alive in the client.');
    const coord = await tokenFor('coordinator1');
    const sug = await call(ticketSuggestionsRoute, 'GET', '/x', { token: coord, params: { id: t.ticket_number } });
    expect(sug.status).toBe(200);
    expect(sug.body.results[0]).toMatchObject({ id: a.id, url: `/kb/${a.slug}` });

    const notYet = await call(draftRoute, 'GET', '/x', { token: await tokenFor('admin'), params: { id: t.ticket_number } });
    expect(notYet.status).toBe(409);
    await resolve();
    const editorCoordinator = await makeEditor([['hdts', 'Ticket Coordinator']]);
    const draft = await call(draftRoute, 'GET', '/x', { token: editorCoordinator.token, params: { id: t.ticket_number } });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    expect(draft.body).toMatchObject({
      title: `My ${w} drops`,
      category: 'IT Support',
      sub_category: 'Internet/Network Connectivity Issue',
      department: 'IT Department',
      visibility: 'staff',
      source_ticket_number: t.ticket_number,
    });
    expect(draft.body.body).toContain('It stops working after an hour.');
    expect(draft.body.body).toContain('Turned on keep-alive in the client.');
    const created = await call(articlesRoute, 'POST', '/x', { token: editorCoordinator.token, body: draft.body });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const detail = await call(articleRoute, 'GET', '/x', { token: editorCoordinator.token, params: { id: created.body.id } });
    expect(detail.body.source_ticket_number).toBe(t.ticket_number);
    // a plain editor who cannot see the ticket gets a 404, as for any invisible ticket
    expect((await call(draftRoute, 'GET', '/x', { token: editor.token, params: { id: t.ticket_number } })).status).toBe(404);
    const before = await snapshot(KB_TABLES);
    const badSource = await call(articlesRoute, 'POST', '/x', {
      token: editor.token,
      body: { ...draft.body, source_ticket_number: t.ticket_number },
    });
    expect(badSource.status).toBe(400);
    expect(badSource.body.details.source_ticket_number).toHaveLength(1);
    expect(await snapshot(KB_TABLES)).toEqual(before);
  });
});
