import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db';
import { databaseUrl } from '@/lib/server/env';
import { publish } from '@/lib/server/realtime';
import { SOCKET_MODULES } from '@/lib/server/realtime/modules';
import { attachRealtime, attachClusterAdapter } from '@/lib/server/realtime/server';
import { tokenFor } from '../helpers/api';

/** Two app processes' socket.io servers (REALTIME_CLUSTER=true): a broadcast from one reaches the other's sockets. */
const cleanups: (() => Promise<void>)[] = [];

async function node(): Promise<{ io: Server; url: string }> {
  const server = http.createServer();
  const io = attachRealtime(server, SOCKET_MODULES);
  const release = await attachClusterAdapter(io, databaseUrl());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    io.close();
    await release();
  });
  return { io, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe('socket.io across processes (Postgres adapter)', () => {
  it("an event published on one node reaches a user's socket connected to another node, and only that user", async () => {
    const a = await node();
    await node(); // attached last: publish() goes through this node's server
    const agent = await db.user.findUniqueOrThrow({ where: { username: 'agent1' } });
    const sockets: Socket[] = [];
    const open = async (username: string) => {
      const s = connect(a.url, { path: '/socket.io', transports: ['websocket'], auth: { token: await tokenFor(username) }, reconnection: false, forceNew: true });
      sockets.push(s);
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
    const until = Date.now() + 5000;
    while (!got.length && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(got).toEqual([{ n: 1 }]);
    expect(leaked).toEqual([]);
    for (const s of sockets) s.disconnect();
  });
});
