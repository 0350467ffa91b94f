/**
 * The documented answers of the knowledge base, catalog, saved views and replies, messaging and notifications
 * (issue 16): one case per operation of these prefixes; data is made once, on the first case that needs it.
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
import * as commentAttachmentRoute from '@/app/(api)/messaging/api/comments/[id]/attachments/[attachment_id]/route';
import * as commentAttachmentsRoute from '@/app/(api)/messaging/api/comments/[id]/attachments/route';
import * as rateRoute from '@/app/(api)/messaging/api/comments/[id]/rate/route';
import * as commentRoute from '@/app/(api)/messaging/api/comments/[id]/route';
import * as commentsRoute from '@/app/(api)/messaging/api/comments/route';
import * as messageRoute from '@/app/(api)/messaging/api/messages/ticket/[ticket_id]/[message_id]/route';
import * as unsendRoute from '@/app/(api)/messaging/api/messages/ticket/[ticket_id]/[message_id]/unsend/route';
import * as messagesRoute from '@/app/(api)/messaging/api/messages/ticket/[ticket_id]/route';
import * as mentionableRoute from '@/app/(api)/messaging/api/tickets/[ticket_id]/mentionable/route';
import * as participantsRoute from '@/app/(api)/messaging/api/tickets/[ticket_id]/participants/route';
import * as messagingHealthRoute from '@/app/(api)/messaging/health/route';
import * as apiNotificationsRoute from '@/app/(api)/notifications/api/notifications/route';
import * as sendRoute from '@/app/(api)/notifications/api/v1/notifications/send/route';
import * as deliveriesRoute from '@/app/(api)/notifications/api/v2/notifications/deliveries/route';
import * as inappOneRoute from '@/app/(api)/notifications/api/v2/notifications/inapp/[id]/route';
import * as markAllReadRoute from '@/app/(api)/notifications/api/v2/notifications/inapp/mark-all-read/route';
import * as notificationsHealthRoute from '@/app/(api)/notifications/health/route';
import * as notificationRoute from '@/app/(api)/notifications/notifications/[id]/route';
import * as notificationsRoute from '@/app/(api)/notifications/notifications/route';
import { addCatalogEntry, setCatalogEntryActive } from '@/lib/domain/helpdesk/catalog-admin';
import { createTicket } from '@/lib/domain/helpdesk/commands/create';
import { changeStatus } from '@/lib/domain/helpdesk/commands/status';
import { approveTicket } from '@/lib/domain/helpdesk/commands/triage';
import { createView } from '@/lib/domain/helpdesk/views';
import { recordDeflection, updateArticle } from '@/lib/domain/knowledge/commands';
import { createCannedResponse } from '@/lib/domain/messaging/canned-responses';
import { addCommentAttachments, createComment, postTicketMessage } from '@/lib/domain/messaging/commands';
import { sendNotificationEmail, sendNotifications } from '@/lib/domain/notifications/commands';
import { db } from '@/lib/server/db';
import { readMultipart } from '@/lib/server/uploads';
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

const KEY = 'test-service-key-0123456789abcdef';
const ticket = async () => (await fixture()).ticket;
/** A public comment of `username` on the fixture's ticket. */
const comment = async (username = 'employee1', text = 'Still dropping, @agent1') =>
  createComment(await actorOf(username), { ticket_id: await ticket(), text, is_internal: false });
/** A coordinator ↔ agent message of agent1 on the fixture's ticket. */
const message = async () => postTicketMessage(await actorOf('agent1'), await ticket(), 'Need the VPN logs, @coordinator1');
function logFile(name = 'vpn.log', text = 'line 1\nline 2\n', type = 'text/plain') {
  const f = new FormData();
  f.append('file', new Blob([text], { type }), name);
  return f;
}
/** A comment of agent1 with one attachment (stored as an upload is), and its ids. */
async function attached() {
  const c = await comment('agent1', 'See the log');
  const req = new Request('http://localhost/x', { method: 'POST', body: logFile() });
  const { files } = await readMultipart(req);
  const row = await addCommentAttachments(await actorOf('agent1'), c.id, files);
  return { id: c.id, attachment_id: row.attachments[0].id };
}

const messaging: ContractCase[] = [
  {
    path: '/messaging/api/comments/',
    method: 'GET',
    route: commentsRoute,
    valid: async () => {
      const parent = await comment();
      await createComment(await actorOf('agent1'), {
        ticket_id: await ticket(),
        text: 'Which client version?',
        parent_id: parent.id,
        is_internal: false,
      });
      return { token: await employee(), query: { ticket_id: await ticket(), page_size: 100 } };
    },
    invalid: async () => ({ token: await employee(), query: { ticket_id: await ticket(), visibility: 'secret' } }),
  },
  {
    path: '/messaging/api/comments/',
    method: 'POST',
    route: commentsRoute,
    valid: async () => ({ token: await employee(), body: { ticket_id: await ticket(), text: 'It dropped again, @agent1' } }),
    invalid: async () => ({ token: await employee(), body: { ticket_id: await ticket(), text: '   ' } }),
  },
  {
    path: '/messaging/api/comments/{id}/',
    method: 'GET',
    route: commentRoute,
    valid: async () => ({ token: await employee(), params: { id: (await comment()).id } }),
    invalid: async () => ({ token: await employee(), params: { id: 'latest' } }),
  },
  {
    path: '/messaging/api/comments/{id}/',
    method: 'PUT',
    route: commentRoute,
    valid: async () => ({ token: await employee(), params: { id: (await comment()).id }, body: { text: 'Edited' } }),
    invalid: async () => ({ token: await employee(), params: { id: (await comment()).id }, body: { text: '' } }),
  },
  {
    path: '/messaging/api/comments/{id}/',
    method: 'PATCH',
    route: commentRoute,
    valid: async () => ({ token: await employee(), params: { id: (await comment()).id }, body: { text: 'Edited' } }),
    invalid: async () => ({ token: await employee(), params: { id: (await comment()).id }, body: {} }),
  },
  {
    path: '/messaging/api/comments/{id}/',
    method: 'DELETE',
    route: commentRoute,
    valid: async () => ({ token: await employee(), params: { id: (await comment()).id } }),
    invalid: async () => ({ token: await employee(), params: { id: 'latest' } }),
  },
  {
    path: '/messaging/api/comments/{id}/attachments/',
    method: 'POST',
    route: commentAttachmentsRoute,
    valid: async () => ({
      token: await agent(),
      params: { id: (await comment('agent1', 'Logs attached')).id },
      rawBody: logFile(),
    }),
    invalid: async () => ({
      token: await agent(),
      params: { id: (await comment('agent1', 'A photo')).id },
      rawBody: logFile('photo.png', 'not a png', 'image/png'),
    }),
    invalidStatus: 415,
  },
  {
    path: '/messaging/api/comments/{id}/attachments/{attachment_id}/',
    method: 'GET',
    route: commentAttachmentRoute,
    valid: async () => ({ token: await employee(), params: await attached() }),
    invalid: async () => ({ token: await employee(), params: { id: (await attached()).id, attachment_id: 'first' } }),
  },
  {
    path: '/messaging/api/comments/{id}/rate/',
    method: 'POST',
    route: rateRoute,
    valid: async () => ({
      token: await employee(),
      params: { id: (await comment('agent1', 'Try now')).id },
      body: { rating: 'thumbs_up' },
    }),
    invalid: async () => ({
      token: await employee(),
      params: { id: (await comment('agent1', 'Try now')).id },
      body: { rating: 'love' },
    }),
  },
  {
    path: '/messaging/api/messages/ticket/{ticket_id}/',
    method: 'GET',
    route: messagesRoute,
    valid: async () => {
      await message();
      return { token: await coordinator(), params: { ticket_id: await ticket() } };
    },
    invalid: async () => ({ token: await coordinator(), params: { ticket_id: await ticket() }, query: { page: 0 } }),
  },
  {
    path: '/messaging/api/messages/ticket/{ticket_id}/',
    method: 'POST',
    route: messagesRoute,
    valid: async () => ({
      token: await coordinator(),
      params: { ticket_id: await ticket() },
      body: { text: 'Logs are in, @agent1' },
    }),
    invalid: async () => ({ token: await coordinator(), params: { ticket_id: await ticket() }, body: { text: '' } }),
  },
  {
    path: '/messaging/api/messages/ticket/{ticket_id}/{message_id}/',
    method: 'PUT',
    route: messageRoute,
    valid: async () => ({
      token: await agent(),
      params: { ticket_id: await ticket(), message_id: (await message()).id },
      body: { text: 'Edited' },
    }),
    invalid: async () => ({
      token: await agent(),
      params: { ticket_id: await ticket(), message_id: (await message()).id },
      body: { text: '' },
    }),
  },
  {
    path: '/messaging/api/messages/ticket/{ticket_id}/{message_id}/',
    method: 'PATCH',
    route: messageRoute,
    valid: async () => ({
      token: await agent(),
      params: { ticket_id: await ticket(), message_id: (await message()).id },
      body: { text: 'Edited' },
    }),
    invalid: async () => ({
      token: await agent(),
      params: { ticket_id: await ticket(), message_id: (await message()).id },
      body: {},
    }),
  },
  {
    path: '/messaging/api/messages/ticket/{ticket_id}/{message_id}/',
    method: 'DELETE',
    route: messageRoute,
    valid: async () => ({ token: await agent(), params: { ticket_id: await ticket(), message_id: (await message()).id } }),
    invalid: async () => ({ token: await agent(), params: { ticket_id: await ticket(), message_id: 'last' } }),
  },
  {
    path: '/messaging/api/messages/ticket/{ticket_id}/{message_id}/unsend/',
    method: 'POST',
    route: unsendRoute,
    valid: async () => ({ token: await agent(), params: { ticket_id: await ticket(), message_id: (await message()).id } }),
    invalid: async () => ({ token: await agent(), params: { ticket_id: 'TX1', message_id: (await message()).id } }),
  },
  {
    path: '/messaging/api/tickets/{ticket_id}/mentionable/',
    method: 'GET',
    route: mentionableRoute,
    valid: async () => ({ token: await agent(), params: { ticket_id: await ticket() } }),
    invalid: async () => ({ token: await agent(), params: { ticket_id: await ticket() }, query: { internal: 'yes' } }),
  },
  {
    path: '/messaging/api/tickets/{ticket_id}/participants/',
    method: 'POST',
    route: participantsRoute,
    valid: async () => {
      const agent1 = await db.user.findUniqueOrThrow({ where: { username: 'agent1' } });
      return {
        headers: { 'x-api-key': KEY },
        params: { ticket_id: await ticket() },
        body: { user_id: agent1.id, role: 'agent' },
      };
    },
    invalid: async () => ({
      headers: { 'x-api-key': KEY },
      params: { ticket_id: await ticket() },
      body: { user_id: 1, role: 'boss' },
    }),
  },
  healthCase('/messaging/health/', messagingHealthRoute),
];

const employeeId = async () => (await db.user.findUniqueOrThrow({ where: { username: 'employee1' } })).id;
const sendBody = async () => ({
  user_id: await employeeId(),
  type: 'assignment',
  subject: 'Task assigned',
  message: 'A task was assigned to you',
  metadata: { ticket_id: await ticket() },
});
/** A new notification of employee1. */
async function notification() {
  const [n] = await sendNotifications(await sendBody());
  return n.id;
}
const service = { 'x-api-key': KEY };
/** Health is public; it still refuses a credential that is not valid. */
function healthCase(path: string, route: ContractCase['route']): ContractCase {
  return {
    path,
    method: 'GET',
    route,
    valid: async () => ({}),
    invalid: async () => ({ token: 'not-a-token' }),
    invalidStatus: 401,
  };
}

const notifications: ContractCase[] = [
  {
    path: '/notifications/api/notifications/',
    method: 'POST',
    route: apiNotificationsRoute,
    valid: async () => ({ headers: service, body: await sendBody() }),
    invalid: async () => ({ headers: service, body: { type: 'assignment', subject: 'No one' } }),
  },
  {
    path: '/notifications/notifications/',
    method: 'POST',
    route: notificationsRoute,
    valid: async () => ({ headers: service, body: await sendBody() }),
    invalid: async () => ({ headers: service, body: { ...(await sendBody()), type: undefined } }),
  },
  {
    path: '/notifications/api/v1/notifications/send/',
    method: 'POST',
    route: sendRoute,
    valid: async () => ({ headers: service, body: { ...(await sendBody()), user_ids: [await employeeId()] } }),
    invalid: async () => ({ headers: service, body: { ...(await sendBody()), user_ids: [] } }),
  },
  {
    path: '/notifications/api/v2/notifications/deliveries/',
    method: 'GET',
    route: deliveriesRoute,
    valid: async () => {
      await sendNotificationEmail(await notification(), 1);
      return { token: await admin(), query: { status: 'sent' } };
    },
    invalid: async () => ({ token: await admin(), query: { status: 'bounced' } }),
  },
  {
    path: '/notifications/api/v2/notifications/inapp/{id}/',
    method: 'PATCH',
    route: inappOneRoute,
    valid: async () => ({ token: await employee(), params: { id: await notification() }, body: { is_read: true } }),
    invalid: async () => ({ token: await employee(), params: { id: await notification() }, body: { is_read: 'yes' } }),
  },
  {
    path: '/notifications/api/v2/notifications/inapp/mark-all-read/',
    method: 'POST',
    route: markAllReadRoute,
    valid: async () => {
      await notification();
      return { token: await employee() };
    },
  },
  {
    path: '/notifications/notifications/{id}/',
    method: 'GET',
    route: notificationRoute,
    valid: async () => ({ token: await employee(), params: { id: await notification() } }),
    invalid: async () => ({ token: await employee(), params: { id: '42' } }),
  },
  {
    path: '/notifications/notifications/{id}/',
    method: 'PATCH',
    route: notificationRoute,
    valid: async () => ({ token: await employee(), params: { id: await notification() }, body: { is_read: false } }),
    invalid: async () => ({ token: await employee(), params: { id: await notification() }, body: { is_read: 1 } }),
  },
  healthCase('/notifications/health/', notificationsHealthRoute),
];

export const cases: ContractCase[] = [...knowledge, ...catalogAndSaved, ...messaging, ...notifications];
