import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db';
import { publish } from '@/lib/server/realtime';
import { tokenFor } from '../helpers/api';
import { type RealtimeServer, startRealtimeServer, until } from '../helpers/realtime';

/** Two app processes' socket.io servers (REALTIME_CLUSTER=true): a broadcast from one reaches the other's sockets. */
const nodes: RealtimeServer[] = [];

afterAll(async () => {
  for (const n of nodes.reverse()) await n.close();
});

describe('socket.io across processes (Postgres adapter)', () => {
  it("an event published on one node reaches a user's socket connected to another node, and only that user", async () => {
    const a = await startRealtimeServer({ cluster: true });
    nodes.push(a);
    nodes.push(await startRealtimeServer({ cluster: true })); // attached last: publish() goes through this node
    const agent = await db.user.findUniqueOrThrow({ where: { username: 'agent1' } });
    const open = async (username: string) => {
      const s = a.socket(await tokenFor(username));
      await new Promise<void>((resolve, reject) => {
        s.once('connection_established', () => resolve());
        s.once('connect_error', reject);
      });
      return s;
    };
    const mine = await open('agent1');
    const other = await open('agent2');
    const got: unknown[] = [];
    const leaked: unknown[] = [];
    mine.on('cluster_probe', (d) => got.push(d));
    other.on('cluster_probe', (d) => leaked.push(d));
    publish(`user:${agent.id}`, 'cluster_probe', { n: 1 });
    await until(() => got.length > 0);
    expect(got).toEqual([{ n: 1 }]);
    expect(leaked).toEqual([]);
  });
});
