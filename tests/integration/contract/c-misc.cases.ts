/**
 * The documented answers of the knowledge base, catalog, saved views and replies, messaging and notifications
 * (issue 16): one case per operation under `covers`; data is made once, on the first case that needs it.
 */
import { randomUUID } from 'node:crypto';
import * as cannedRoute from '@/app/(api)/hdts/api/canned-responses/[id]/route';
import * as cannedListRoute from '@/app/(api)/hdts/api/canned-responses/route';
import * as catalogEntryRoute from '@/app/(api)/hdts/api/catalog/entries/[kind]/[id]/route';
import * as catalogEntriesRoute from '@/app/(api)/hdts/api/catalog/entries/route';
import * as catalogRoute from '@/app/(api)/hdts/api/catalog/route';
import * as feedbackRoute from '@/app/(api)/hdts/api/kb/articles/[id]/feedback/route';
import * as articleRoute from '@/app/(api)/hdts/api/kb/articles/[id]/route';
import * as articleStatusRoute from '@/app/(api)/hdts/api/kb/articles/[id]/status/route';
import * as restoreRoute from '@/app/(api)/hdts/api/kb/articles/[id]/versions/[version]/restore/route';
import * as articleVersionRoute from '@/app/(api)/hdts/api/kb/articles/[id]/versions/[version]/route';
import * as articleVersionsRoute from '@/app/(api)/hdts/api/kb/articles/[id]/versions/route';
import * as articleViewsRoute from '@/app/(api)/hdts/api/kb/articles/[id]/views/route';
import * as articlesRoute from '@/app/(api)/hdts/api/kb/articles/route';
import * as kbCategoriesRoute from '@/app/(api)/hdts/api/kb/categories/route';
import * as deflectionRoute from '@/app/(api)/hdts/api/kb/deflections/[attempt]/route';
import * as deflectionsRoute from '@/app/(api)/hdts/api/kb/deflections/route';
import * as previewRoute from '@/app/(api)/hdts/api/kb/preview/route';
import * as kbStatsRoute from '@/app/(api)/hdts/api/kb/stats/route';
import * as kbSuggestionsRoute from '@/app/(api)/hdts/api/kb/suggestions/route';
import * as kbDraftRoute from '@/app/(api)/hdts/api/kb/tickets/[id]/draft/route';
import * as kbTicketSuggestionsRoute from '@/app/(api)/hdts/api/kb/tickets/[id]/suggestions/route';
import * as viewRoute from '@/app/(api)/hdts/api/views/[id]/route';
import * as viewsRoute from '@/app/(api)/hdts/api/views/route';
import { addCatalogEntry, setCatalogEntryActive } from '@/lib/domain/helpdesk/catalog-admin';
import { createTicket } from '@/lib/domain/helpdesk/commands/create';
import { changeStatus } from '@/lib/domain/helpdesk/commands/status';
import { approveTicket } from '@/lib/domain/helpdesk/commands/triage';
import { createView } from '@/lib/domain/helpdesk/views';
import { recordDeflection, updateArticle } from '@/lib/domain/knowledge/commands';
import { createCannedResponse } from '@/lib/domain/messaging/canned-responses';
import { tokenFor } from '../../helpers/api';
import type { ContractCase } from '../../helpers/contract';
import { actorOf, article } from '../../helpers/kb';
import { threadTicket } from '../../helpers/thread';

/** A word no seeded article has, so searches and suggestions find this run's articles. */
const WORD = `quasar${randomUUID().slice(0, 6).replace(/\d/g, 'x')}`;

interface Fixture {
  /** A published article (everyone) whose title has WORD. */
  published: { id: number; slug: string };
  /** A ticket of employee1 about WORD, resolved by coordinator1. */
  resolvedTicket: string;
  /** A retired category: sub-categories added under it are never offered to the submit form. */
  retiredCategory: number;
  /** A ticket of employee1, owned by coordinator1 and assigned to agent1 (its thread, placeholders). */
  ticket: string;
}
let ready: Promise<Fixture> | undefined;
export const fixture = () => (ready ??= build());

async function build(): Promise<Fixture> {
  const published = await article({ title: `${WORD} drops hourly`, body: `Restart the ${WORD} client.` });
  const emp = await actorOf('employee1');
  const coord = await actorOf('coordinator1');
  const t = await createTicket(emp, {
    subject: `My ${WORD} drops`,
    description: 'It stops working after an hour.',
    category: 'IT Support',
    sub_category: 'Internet/Network Connectivity Issue',
    department: null,
  });
  await approveTicket(coord, t.id, { priority: 'Medium', department: 'IT Department' });
  await changeStatus(coord, t.id, 'Resolved', { resolution_notes: 'Turned on keep-alive.' });
  const adminActor = await actorOf('admin');
  const category = await addCatalogEntry(adminActor, { kind: 'category', name: `Contract ${WORD}`, department_id: null });
  await setCatalogEntryActive(adminActor, 'category', category.id, false);
  return {
    published: { id: published.id, slug: published.slug },
    resolvedTicket: t.ticket_number,
    retiredCategory: category.id,
    ticket: (await threadTicket()).number,
  };
}

const articleBody = () => ({
  title: `Contract article ${randomUUID().slice(0, 8)}`,
  body: 'Open tray 2 and remove the paper.',
  category: 'IT Support',
  sub_category: 'Printer/Scanner Setup or Issue',
  tags: ['printer'],
});
const draft = () => article(articleBody(), 'draft');
/** A draft with a second version (its body changed). */
async function twoVersions() {
  const a = await draft();
  await updateArticle(await actorOf('admin'), a.id, { body: 'Open tray 3 instead.' });
  return a;
}
async function deflected() {
  const attempt = `c-${randomUUID()}`;
  await recordDeflection(await actorOf('employee1'), { attempt_id: attempt, article_id: (await fixture()).published.id });
  return attempt;
}
const admin = () => tokenFor('admin');
const employee = () => tokenFor('employee1');

const knowledge: ContractCase[] = [
  {
    path: '/hdts/api/kb/articles/',
    method: 'GET',
    route: articlesRoute,
    valid: async () => ({ token: await employee(), query: { q: WORD } }),
    invalid: async () => ({ token: await employee(), query: { sort: 'popular' } }),
  },
  {
    path: '/hdts/api/kb/articles/',
    method: 'POST',
    route: articlesRoute,
    valid: async () => ({ token: await admin(), body: articleBody() }),
    invalid: async () => ({ token: await admin(), body: { ...articleBody(), category: 'No such category' } }),
  },
  {
    path: '/hdts/api/kb/articles/{id}/',
    method: 'GET',
    route: articleRoute,
    valid: async () => ({ token: await employee(), params: { id: (await fixture()).published.slug } }),
    invalid: async () => ({ token: await employee(), params: { id: 'Not A Slug!' } }),
  },
  {
    path: '/hdts/api/kb/articles/{id}/',
    method: 'PATCH',
    route: articleRoute,
    valid: async () => ({ token: await admin(), params: { id: (await draft()).id }, body: { body: 'Open tray 3.' } }),
    invalid: async () => ({ token: await admin(), params: { id: (await draft()).id }, body: { title: '' } }),
  },
  {
    path: '/hdts/api/kb/articles/{id}/feedback/',
    method: 'POST',
    route: feedbackRoute,
    valid: async () => ({ token: await employee(), params: { id: (await fixture()).published.id }, body: { helpful: true } }),
    invalid: async () => ({ token: await employee(), params: { id: (await fixture()).published.id }, body: { helpful: 'yes' } }),
  },
  {
    path: '/hdts/api/kb/articles/{id}/status/',
    method: 'POST',
    route: articleStatusRoute,
    valid: async () => ({ token: await admin(), params: { id: (await draft()).id }, body: { status: 'published' } }),
    invalid: async () => ({ token: await admin(), params: { id: (await draft()).id }, body: { status: 'deleted' } }),
  },
  {
    path: '/hdts/api/kb/articles/{id}/versions/',
    method: 'GET',
    route: articleVersionsRoute,
    valid: async () => ({ token: await admin(), params: { id: (await twoVersions()).id } }),
    invalid: async () => ({ token: await admin(), params: { id: 'Not A Slug!' } }),
  },
  {
    path: '/hdts/api/kb/articles/{id}/versions/{version}/',
    method: 'GET',
    route: articleVersionRoute,
    valid: async () => ({ token: await admin(), params: { id: (await twoVersions()).id, version: 1 } }),
    invalid: async () => ({ token: await admin(), params: { id: (await twoVersions()).id, version: 0 } }),
  },
  {
    path: '/hdts/api/kb/articles/{id}/versions/{version}/restore/',
    method: 'POST',
    route: restoreRoute,
    valid: async () => ({ token: await admin(), params: { id: (await twoVersions()).id, version: 1 } }),
    invalid: async () => ({ token: await admin(), params: { id: (await twoVersions()).id, version: 'first' } }),
  },
  {
    path: '/hdts/api/kb/articles/{id}/views/',
    method: 'POST',
    route: articleViewsRoute,
    valid: async () => ({ token: await employee(), params: { id: (await fixture()).published.id } }),
    invalid: async () => ({ token: await employee(), params: { id: '-no-' } }),
  },
  {
    path: '/hdts/api/kb/categories/',
    method: 'GET',
    route: kbCategoriesRoute,
    valid: async () => ({ token: await employee() }),
  },
  {
    path: '/hdts/api/kb/deflections/',
    method: 'POST',
    route: deflectionsRoute,
    valid: async () => ({
      token: await employee(),
      body: { attempt_id: `c-${randomUUID()}`, article_id: (await fixture()).published.id, query: WORD },
    }),
    invalid: async () => ({ token: await employee(), body: { attempt_id: 'short', article_id: (await fixture()).published.id } }),
  },
  {
    path: '/hdts/api/kb/deflections/{attempt}/',
    method: 'DELETE',
    route: deflectionRoute,
    valid: async () => ({ token: await employee(), params: { attempt: await deflected() } }),
    invalid: async () => ({ token: await employee(), params: { attempt: 'not an attempt!' } }),
  },
  {
    path: '/hdts/api/kb/preview/',
    method: 'POST',
    route: previewRoute,
    valid: async () => ({ token: await admin(), body: { body: '# Steps\n\n1. Open **tray 2**' } }),
    invalid: async () => ({ token: await admin(), body: { body: 42 } }),
  },
  {
    path: '/hdts/api/kb/stats/',
    method: 'GET',
    route: kbStatsRoute,
    valid: async () => ({ token: await admin(), query: { days: 7 } }),
    invalid: async () => ({ token: await admin(), query: { days: 0 } }),
  },
  {
    path: '/hdts/api/kb/suggestions/',
    method: 'GET',
    route: kbSuggestionsRoute,
    valid: async () => ({ token: await employee(), query: { q: `my ${WORD}` } }),
    invalid: async () => ({ token: await employee(), query: { q: WORD, limit: 50 } }),
  },
  {
    path: '/hdts/api/kb/tickets/{id}/draft/',
    method: 'GET',
    route: kbDraftRoute,
    valid: async () => ({ token: await admin(), params: { id: (await fixture()).resolvedTicket } }),
    invalid: async () => ({ token: await admin(), params: { id: 'TX1' } }),
  },
  {
    path: '/hdts/api/kb/tickets/{id}/suggestions/',
    method: 'GET',
    route: kbTicketSuggestionsRoute,
    valid: async () => ({ token: await tokenFor('coordinator1'), params: { id: (await fixture()).resolvedTicket } }),
    invalid: async () => ({ token: await tokenFor('coordinator1'), params: { id: 'TX1' } }),
  },
];

const subCategoryBody = async () => ({
  kind: 'sub_category' as const,
  name: `Contract ${randomUUID().slice(0, 8)}`,
  category_id: (await fixture()).retiredCategory,
});
const coordinator = () => tokenFor('coordinator1');
const agent = () => tokenFor('agent1');
const view = async () =>
  createView(await actorOf('coordinator1'), {
    name: `Contract ${randomUUID().slice(0, 6)}`,
    url: '/coordinator/tickets?status=New',
    shared: false,
  });
const cannedBody = () => ({
  title: `Contract ${randomUUID().slice(0, 6)}`,
  body: 'Hi {{requester.first_name}}, about {{ticket.number}}.',
});
const canned = async () => createCannedResponse(await actorOf('agent1'), { ...cannedBody(), shared: false });

const catalogAndSaved: ContractCase[] = [
  { path: '/hdts/api/catalog/', method: 'GET', route: catalogRoute, valid: async () => ({ token: await employee() }) },
  {
    path: '/hdts/api/catalog/entries/',
    method: 'GET',
    route: catalogEntriesRoute,
    valid: async () => ({ token: await admin() }),
  },
  {
    path: '/hdts/api/catalog/entries/',
    method: 'POST',
    route: catalogEntriesRoute,
    valid: async () => ({ token: await admin(), body: await subCategoryBody() }),
    invalid: async () => ({ token: await admin(), body: { ...(await subCategoryBody()), kind: 'region' } }),
  },
  {
    path: '/hdts/api/catalog/entries/{kind}/{id}/',
    method: 'PATCH',
    route: catalogEntryRoute,
    valid: async () => {
      const sub = await addCatalogEntry(await actorOf('admin'), await subCategoryBody());
      return { token: await admin(), params: { kind: 'sub_category', id: sub.id }, body: { active: false } };
    },
    invalid: async () => ({
      token: await admin(),
      params: { kind: 'category', id: (await fixture()).retiredCategory },
      body: { active: 'no' },
    }),
  },
  {
    path: '/hdts/api/views/',
    method: 'GET',
    route: viewsRoute,
    valid: async () => {
      await view();
      return { token: await coordinator() };
    },
  },
  {
    path: '/hdts/api/views/',
    method: 'POST',
    route: viewsRoute,
    valid: async () => ({ token: await coordinator(), body: { name: 'Open in IT', url: '/coordinator/tickets?status=Open' } }),
    invalid: async () => ({ token: await coordinator(), body: { name: 'Elsewhere', url: 'https://evil.example/x' } }),
  },
  {
    path: '/hdts/api/views/{id}/',
    method: 'DELETE',
    route: viewRoute,
    valid: async () => ({ token: await coordinator(), params: { id: (await view()).id } }),
    invalid: async () => ({ token: await coordinator(), params: { id: 'mine' } }),
  },
  {
    path: '/hdts/api/canned-responses/',
    method: 'GET',
    route: cannedListRoute,
    valid: async () => {
      await canned();
      return { token: await agent(), query: { ticket: (await fixture()).ticket } };
    },
    invalid: async () => ({ token: await agent(), query: { ticket: 'TX1' } }),
  },
  {
    path: '/hdts/api/canned-responses/',
    method: 'POST',
    route: cannedListRoute,
    valid: async () => ({ token: await agent(), body: cannedBody() }),
    invalid: async () => ({ token: await agent(), body: { ...cannedBody(), body: 'Hi {{customer.name}}' } }),
  },
  {
    path: '/hdts/api/canned-responses/{id}/',
    method: 'GET',
    route: cannedRoute,
    valid: async () => ({
      token: await agent(),
      params: { id: (await canned()).id },
      query: { ticket: (await fixture()).ticket },
    }),
    invalid: async () => ({ token: await agent(), params: { id: 'first' } }),
  },
  {
    path: '/hdts/api/canned-responses/{id}/',
    method: 'PATCH',
    route: cannedRoute,
    valid: async () => ({ token: await agent(), params: { id: (await canned()).id }, body: { title: 'Renamed reply' } }),
    invalid: async () => ({ token: await agent(), params: { id: (await canned()).id }, body: {} }),
  },
  {
    path: '/hdts/api/canned-responses/{id}/',
    method: 'DELETE',
    route: cannedRoute,
    valid: async () => ({ token: await agent(), params: { id: (await canned()).id } }),
    invalid: async () => ({ token: await agent(), params: { id: 'first' } }),
  },
];

export const cases: ContractCase[] = [...knowledge, ...catalogAndSaved];

export const covers = ['/hdts/api/kb/', '/hdts/api/catalog/', '/hdts/api/views/', '/hdts/api/canned-responses/'];
