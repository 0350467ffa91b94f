import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as sendRoute from '@/app/(api)/notifications/api/v1/notifications/send/route';
import * as deliveriesRoute from '@/app/(api)/notifications/api/v2/notifications/deliveries/route';
import { sendNotificationEmail } from '@/lib/domain/notifications/commands';
import { NOTIFICATION_JOBS } from '@/lib/domain/notifications/jobs';
import { db } from '@/lib/server/db';
import { env } from '@/lib/server/env';
import { stopJobs } from '@/lib/server/jobs/queue';
import { startJobs } from '@/lib/server/jobs/workers';
import { call, makeUser, tokenFor } from '../helpers/api';

interface Received {
  from: string;
  to: string[];
  raw: string;
}
const inbox: Received[] = [];
let smtp: SMTPServer;
let port: number;

async function waitFor<T>(fn: () => Promise<T> | T, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() > until) throw new Error(`condition not met in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
  process.env.SMTP_HOST = '127.0.0.1';
  process.env.SMTP_PORT = String(port);
  await startJobs({ workers: true, jobs: NOTIFICATION_JOBS });
});

afterAll(async () => {
  await stopJobs();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('e-mail over SMTP', () => {
  it('a notification sends an e-mail with text and HTML and a link to the ticket, and records the delivery', async () => {
    const user = await makeUser([]);
    const res = await call(sendRoute, 'POST', '/notifications/api/v1/notifications/send/', {
      headers: { 'x-api-key': 'test-service-key-0123456789abcdef' },
      body: {
        user_id: user.id,
        notification_type: 'ticket_resolved',
        subject: 'Your ticket was resolved',
        message: 'All fixed.',
        ticket_number: 'TX20261122123456',
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const mail = await waitFor(
      () => inbox.find((m) => m.to.includes(user.email)),
      (m) => !!m,
    );
    expect(mail?.to).toEqual([user.email]);
    const raw = (mail?.raw ?? '').replace(/=\r?\n/g, '');
    expect(raw).toMatch(/^Subject: \[Switchboard\] Your ticket was resolved/m);
    expect(raw).toContain('text/plain');
    expect(raw).toContain('text/html');
    expect(raw).toMatch(/Open: https?:\/\/[^\s]+\/tickets\/TX20261122123456\/conversation/);
    expect(raw).toMatch(/href=3D"https?:\/\/[^"]+\/tickets\/TX20261122123456\/conversation"/);
    const [notification] = await db.notification.findMany({ where: { userId: user.id } });
    const delivery = await waitFor(
      () => db.emailDelivery.findFirst({ where: { notificationId: notification.id } }),
      (d) => !!d,
    );
    expect(delivery).toMatchObject({ status: 'sent', transport: 'smtp', recipient: user.email, attempt: 1 });
    const list = await call(deliveriesRoute, 'GET', '/x', { token: await tokenFor('admin'), query: { page_size: 100 } });
    expect(list.body.results.some((d: { notification_id: string }) => d.notification_id === notification.id)).toBe(true);
  });

  it('a user who turned the type off gets the in-app notification but no e-mail', async () => {
    const user = await makeUser([]);
    await db.user.update({ where: { id: user.id }, data: { emailPreferences: { mention: false } } });
    await call(sendRoute, 'POST', '/x', {
      headers: { 'x-api-key': 'test-service-key-0123456789abcdef' },
      body: { user_id: user.id, notification_type: 'mention', subject: 'You were mentioned', message: 'Hi' },
    });
    expect(await db.notification.count({ where: { userId: user.id } })).toBe(1);
    await new Promise((r) => setTimeout(r, 1500));
    expect(inbox.some((m) => m.to.includes(user.email))).toBe(false);
  });

  it('a failed attempt is recorded as failed and thrown so the job retries; a sent one is never sent twice', async () => {
    const user = await makeUser([]);
    const n = await db.notification.create({
      data: { userId: user.id, type: 'ticket_closed', subject: 'Closed', message: 'Closed', dedupeKey: randomUUID() },
    });
    process.env.SMTP_PORT = '1'; // nothing listens there
    await expect(sendNotificationEmail(n.id, 1)).rejects.toThrow();
    process.env.SMTP_PORT = String(port);
    await sendNotificationEmail(n.id, 2);
    await sendNotificationEmail(n.id, 3);
    const rows = await db.emailDelivery.findMany({ where: { notificationId: n.id }, orderBy: { attempt: 'asc' } });
    expect(rows.map((r) => [r.attempt, r.status])).toEqual([
      [1, 'failed'],
      [2, 'sent'],
    ]);
    expect(rows[0].error).toBeTruthy();
    expect(inbox.filter((m) => m.to.includes(user.email))).toHaveLength(1);
  });

  it('without SMTP configuration the message is written to DATA_DIR/mail as an .eml file', async () => {
    const user = await makeUser([]);
    const n = await db.notification.create({
      data: {
        userId: user.id,
        type: 'ticket_closed',
        subject: 'Closed for the file',
        message: 'Bye',
        ticketNumber: 'TX20261122654321',
        dedupeKey: randomUUID(),
      },
    });
    const host = process.env.SMTP_HOST;
    delete process.env.SMTP_HOST;
    try {
      await sendNotificationEmail(n.id, 1);
    } finally {
      process.env.SMTP_HOST = host;
    }
    const delivery = await db.emailDelivery.findFirstOrThrow({ where: { notificationId: n.id } });
    expect(delivery).toMatchObject({ status: 'sent', transport: 'file' });
    const dir = path.resolve(env.DATA_DIR, 'mail');
    const file = fs
      .readdirSync(dir)
      .map((f) => path.join(dir, f))
      .find((f) => f.endsWith('.eml') && fs.readFileSync(f, 'utf8').includes(user.email));
    expect(file).toBeTruthy();
    const text = fs.readFileSync(file as string, 'utf8');
    expect(text).toMatch(/^Subject: \[Switchboard\] Closed for the file/m);
    expect(text.replace(/=\r?\n/g, '')).toContain('/tickets/TX20261122654321/conversation');
    fs.rmSync(file as string);
  });
});
