import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '@/lib/domain/identity/queries';
import { createComment } from '@/lib/domain/messaging/commands';
import { db } from '@/lib/server/db';
import { stopJobs } from '@/lib/server/jobs/queue';
import { tokenFor } from '../helpers/api';
import { collect, connected, join, type RealtimeServer, startRealtimeServer, until } from '../helpers/realtime';
import { threadTicket } from '../helpers/thread';

let T = '';
const ids: Record<string, number> = {};
let realtime: RealtimeServer;

/** A socket of the user (none: without credentials), not yet connected. */
const socketFor = async (username: string | null) => realtime.socket(username ? await tokenFor(username) : undefined);

beforeAll(async () => {
  for (const u of await db.user.findMany({
    where: { username: { in: ['employee1', 'employee2', 'coordinator1', 'agent1', 'admin'] } },
  }))
    ids[u.username] = u.id;
  T = (await threadTicket({ owner: null })).number;
  realtime = await startRealtimeServer();
});

afterAll(async () => {
  await realtime.close();
  await stopJobs();
});

describe('socket.io: ticket rooms', () => {
  it('a socket without credentials (or with a bad token) is refused', async () => {
    const anon = await socketFor(null);
    await expect(connected(anon)).rejects.toThrow('UNAUTHENTICATED');
    const bad = realtime.socket('not-a-token');
    await expect(connected(bad)).rejects.toThrow('UNAUTHENTICATED');
  });

  it("an employee's socket cannot join another employee's ticket room; the requester joins without the internal room", async () => {
    const other = await socketFor('employee2');
    await connected(other);
    expect(await join(other, T)).toEqual({ ok: false, error: 'NOT_FOUND' });
    expect(await join(other, 'not-a-ticket')).toEqual({ ok: false, error: 'INVALID_TICKET' });
    const requester = await socketFor('employee1');
    await connected(requester);
    expect(await join(requester, T)).toEqual({ ok: true, internal: false });
    const agent = await socketFor('agent1');
    await connected(agent);
    expect(await join(agent, T)).toEqual({ ok: true, internal: true });
    // a comment on the ticket never reaches the socket that was refused
    const got = collect(other, 'comment_update');
    await createComment((await loadActor(ids.agent1))!, { ticket_id: T, text: 'public', is_internal: false });
    await new Promise((r) => setTimeout(r, 300));
    expect(got).toEqual([]);
  });

  it("internal comments never reach the requester's socket; public ones reach everyone in the room", async () => {
    const requester = await socketFor('employee1');
    const coordinator = await socketFor('coordinator1');
    await Promise.all([connected(requester), connected(coordinator)]);
    await join(requester, T);
    expect(await join(coordinator, T)).toEqual({ ok: true, internal: true });
    const toRequester = collect(requester, 'comment_update');
    const toCoordinator = collect(coordinator, 'comment_update');
    const agent = (await loadActor(ids.agent1))!;
    const internal = await createComment(agent, { ticket_id: T, text: 'internal only', is_internal: true });
    await until(() => toCoordinator.length === 1);
    expect(toCoordinator[0]).toMatchObject({
      type: 'comment_update',
      action: 'created',
      comment_id: internal.id,
      ticket_id: T,
      is_internal: true,
    });
    const pub = await createComment(agent, { ticket_id: T, text: 'for everyone', is_internal: false });
    await until(() => toRequester.length === 1 && toCoordinator.length === 2);
    expect(toRequester).toEqual([expect.objectContaining({ comment_id: pub.id, action: 'created', is_internal: false })]);
    // internal typing does not reach the requester either
    const typingAtRequester = collect(requester, 'typing');
    const typingAtCoordinator = collect(coordinator, 'typing');
    const agentSocket = await socketFor('agent1');
    await connected(agentSocket);
    await join(agentSocket, T);
    agentSocket.emit('typing', { ticket_id: T, is_typing: true, internal: true });
    await until(() => typingAtCoordinator.length === 1);
    expect(typingAtCoordinator[0]).toMatchObject({ ticket_id: T, is_typing: true, internal: true, user: { id: ids.agent1 } });
    agentSocket.emit('typing', { ticket_id: T, is_typing: true });
    await until(() => typingAtRequester.length === 1);
    expect(typingAtRequester[0]).toMatchObject({ internal: false, user: { id: ids.agent1 } });
  });

  it('presence lists the viewers on join, leave and disconnect', async () => {
    const ticket = (await threadTicket({ owner: null })).number;
    const admin = await socketFor('admin');
    const coordinator = await socketFor('coordinator1');
    await Promise.all([connected(admin), connected(coordinator)]);
    const seen = collect<{ ticket_id: string; viewers: { id: number; name: string }[] }>(admin, 'presence');
    await join(admin, ticket);
    await until(() => seen.some((p) => p.viewers.length === 1));
    await join(coordinator, ticket);
    await until(() =>
      seen.some(
        (p) =>
          p.viewers
            .map((v) => v.id)
            .sort()
            .join() === [ids.admin, ids.coordinator1].sort().join(),
      ),
    );
    coordinator.disconnect();
    await until(() => seen.at(-1)?.viewers.length === 1);
    expect(seen.at(-1)).toMatchObject({ ticket_id: ticket, viewers: [{ id: ids.admin }] });
    expect(await admin.timeout(5000).emitWithAck('leave_ticket', { ticket_id: ticket })).toEqual({ ok: true });
  });
});
