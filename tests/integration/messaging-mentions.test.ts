/** @mention suggestions: the people a mention would reach, by name; the thread names mentioned people. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as commentsRoute from '@/app/(api)/messaging/api/comments/route';
import * as messagesRoute from '@/app/(api)/messaging/api/messages/ticket/[ticket_id]/route';
import * as mentionableRoute from '@/app/(api)/messaging/api/tickets/[ticket_id]/mentionable/route';
import { splitMentions } from '@/lib/domain/helpdesk/mentions';
import { stopJobs } from '@/lib/server/jobs/queue';
import { call, makeUser, tokenFor } from '../helpers/api';
import { notifyJobs, threadTicket, userIds } from '../helpers/thread';

let ids: Record<string, number>;
const tok: Record<string, string> = {};

beforeAll(async () => {
  ids = await userIds('employee1', 'employee2', 'coordinator1', 'agent1', 'agent2', 'admin');
  for (const u of ['employee1', 'employee2', 'coordinator1', 'agent1', 'agent2']) tok[u] = await tokenFor(u);
});
afterAll(async () => {
  await stopJobs();
});

const suggest = (who: string, n: string, query: Record<string, string> = {}) =>
  call(mentionableRoute, 'GET', `/messaging/api/tickets/${n}/mentionable/`, { token: tok[who], params: { ticket_id: n }, query });
const usernames = (r: { body: { results: { username: string }[] } }) => r.body.results.map((u) => u.username);

describe('/messaging/api/tickets/{ticket_id}/mentionable/', () => {
  it('offers the people who may read the comment, by name or login; never the caller, never outsiders', async () => {
    const t = await threadTicket(); // employee1, owned by coordinator1, assigned to agent1
    const byName = await suggest('agent1', t.number, { q: 'Casey' });
    expect(byName.status, JSON.stringify(byName.body)).toBe(200);
    expect(byName.body.results).toEqual([{ id: ids.coordinator1, username: 'coordinator1', name: 'Casey Reyes' }]);
    expect(usernames(await suggest('agent1', t.number, { q: 'coordinator1' }))).toEqual(['coordinator1']);
    expect(usernames(await suggest('agent1', t.number, { q: 'emma wil' }))).toEqual(['employee1']);

    const everyone = usernames(await suggest('agent1', t.number));
    expect(everyone).toEqual(expect.arrayContaining(['employee1', 'coordinator1']));
    expect(everyone).not.toContain('agent1'); // the caller
    expect(everyone).not.toContain('agent2'); // not on the ticket: a mention would not reach them
    expect(everyone).not.toContain('employee2');
    // an internal note never reaches the requester
    expect(usernames(await suggest('agent1', t.number, { q: 'emma', internal: 'true' }))).toEqual([]);
    // the requester may mention the staff on their ticket, but never learns about internal readers otherwise
    expect(usernames(await suggest('employee1', t.number, { q: 'Sam' }))).toEqual(['agent1']);
    // an inactive user is never offered
    const gone = await makeUser([['hdts', 'Ticket Coordinator']], { isActive: false });
    expect(usernames(await suggest('agent1', t.number, { q: gone.lastName }))).toEqual([]);
  });

  it('a ticket the caller may not see is a 404; bad input is a 400', async () => {
    const t = await threadTicket();
    expect((await suggest('employee2', t.number)).status).toBe(404);
    expect((await suggest('agent2', t.number)).status).toBe(404);
    expect((await suggest('agent1', 'TX20990101999999')).status).toBe(404);
    const long = await suggest('agent1', t.number, { q: 'x'.repeat(51) });
    expect(long.status).toBe(400);
    expect(Object.keys(long.body.details)).toContain('query.q');
    expect((await suggest('agent1', t.number, { q: 'a\u0000b' })).status).toBe(400);
  });

  it('a mention chosen from the suggestions notifies that person, and the thread names them', async () => {
    const t = await threadTicket();
    const [casey] = (await suggest('agent1', t.number, { q: 'Casey' })).body.results;
    const text = `Can you check this, @${casey.username}? Thanks @nobody_here.`;
    const posted = await call(commentsRoute, 'POST', '/messaging/api/comments/', {
      token: tok.agent1,
      body: { ticket_id: t.number, text, is_internal: true },
    });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    const mention = (await notifyJobs(t.number)).filter((j) => j.type === 'mention');
    expect(mention).toHaveLength(1);
    expect(mention[0].user_ids).toEqual([ids.coordinator1]);

    const list = await call(commentsRoute, 'GET', '/messaging/api/comments/', {
      token: tok.coordinator1,
      query: { ticket_id: t.number },
    });
    const c = list.body.results.find((r: { id: number }) => r.id === posted.body.id);
    expect(c.mentions).toEqual({ coordinator1: 'Casey Reyes' });
    const chat = await call(messagesRoute, 'GET', `/messaging/api/messages/ticket/${t.number}/`, {
      token: tok.coordinator1,
      params: { ticket_id: t.number },
    });
    expect(chat.body.results.find((r: { id: number }) => r.id === posted.body.id).mentions).toEqual({
      coordinator1: 'Casey Reyes',
    });
  });

  it('splitMentions cuts a text into runs and mentions as the parser reads them', () => {
    expect(splitMentions('hi @Casey.R. and a@b.c, @sam')).toEqual([
      { text: 'hi ' },
      { username: 'casey.r', raw: '@Casey.R' },
      { text: '. and a@b.c, ' },
      { username: 'sam', raw: '@sam' },
    ]);
  });
});
