import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// A small limit and a private folder for this file (env is read when the modules load).
vi.hoisted(() => {
  process.env.ATTACHMENT_MAX_BYTES = String(1024 * 1024);
  process.env.ATTACHMENT_DIR = require('node:fs').mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 'sb-att-'));
});

import * as approveRoute from '@/app/(api)/hdts/api/tickets/[id]/approve/route';
import * as ticketRoute from '@/app/(api)/hdts/api/tickets/[id]/route';
import * as ticketsRoute from '@/app/(api)/hdts/api/tickets/route';
import * as downloadRoute from '@/app/(api)/hdts/api/v1/attachments/[id]/route';
import * as uploadRoute from '@/app/(api)/hdts/api/v1/tickets/[id]/attachments/route';
import * as taskRoute from '@/app/(api)/tts/tasks/[id]/route';
import * as transitionsRoute from '@/app/(api)/tts/transitions/route';
import { MESSAGES } from '@/lib/domain/contracts/messages';
import { updateTicketAssigneeJob } from '@/lib/domain/helpdesk/jobs';
import { PermanentJobError } from '@/lib/domain/jobs';
import { processTicketJob, updateTicketAttachmentsJob } from '@/lib/domain/workflow/jobs';
import { db } from '@/lib/server/db';
import { stopJobs } from '@/lib/server/jobs/queue';
import { call, snapshot, tokenFor } from '../helpers/api';
import { HDTS_TABLES } from '../helpers/hdts';
import { helpdeskDeliveries, jobsFor, taskOf, threeStepWorkflow, tokenOf } from './workflow-support';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082',
  'hex',
);
const dir = () => process.env.ATTACHMENT_DIR as string;
const filesOnDisk = () => fs.readdirSync(dir()).length;

function form(files: { name: string; data: Buffer | string; type?: string }[], fields: Record<string, string> = {}) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  for (const file of files)
    f.append(
      'file',
      new Blob([typeof file.data === 'string' ? file.data : new Uint8Array(file.data)], {
        type: file.type ?? 'application/octet-stream',
      }),
      file.name,
    );
  return f;
}

let emp: string;
let emp2: string;
let coord: string;
let ticketId: number;

beforeAll(async () => {
  [emp, emp2, coord] = await Promise.all(['employee1', 'employee2', 'coordinator1'].map((u) => tokenFor(u)));
  const r = await call(ticketsRoute, 'POST', '/x', {
    token: emp,
    rawBody: form([{ name: 'screen.png', data: PNG, type: 'image/png' }], {
      subject: 'Screen flicker',
      description: 'See screenshot',
      category: 'IT Support',
    }),
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  ticketId = r.body.id;
});
afterAll(async () => {
  await stopJobs();
  fs.rmSync(dir(), { recursive: true, force: true });
});

const upload = (body: BodyInit, token = emp, headers: Record<string, string> = {}) =>
  call(uploadRoute, 'POST', `/hdts/api/v1/tickets/${ticketId}/attachments`, {
    token,
    params: { id: ticketId },
    rawBody: body,
    headers,
  });

describe('attachments', () => {
  it('multipart submission stores the file with its SHA-256 and lists it on the ticket', async () => {
    const t = await call(ticketRoute, 'GET', '/x', { token: emp, params: { id: ticketId } });
    expect(t.body.attachments).toHaveLength(1);
    const a = t.body.attachments[0];
    expect(a).toMatchObject({ filename: 'screen.png', mime_type: 'image/png', size: PNG.length });
    expect(a.sha256).toBe(require('node:crypto').createHash('sha256').update(PNG).digest('hex'));
    const d = await call(downloadRoute, 'GET', a.url, { token: emp, params: { id: a.id } });
    expect(d.status).toBe(200);
    expect(d.headers.get('content-disposition')).toContain('filename="screen.png"');
    expect(Buffer.from(await d.response.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await call(downloadRoute, 'GET', a.url, { token: emp2, params: { id: a.id } })).status).toBe(404);
    expect((await call(downloadRoute, 'GET', a.url, { token: coord, params: { id: a.id } })).status).toBe(200);
  });

  it('413 before reading the body when Content-Length is over the limit', async () => {
    let pulled = false;
    const stream = new ReadableStream(
      {
        pull(c) {
          pulled = true;
          c.close();
        },
      },
      { highWaterMark: 0 },
    );
    const before = await snapshot(HDTS_TABLES);
    const url = new URL(`http://localhost/hdts/api/v1/tickets/${ticketId}/attachments`);
    const res = await uploadRoute.POST(
      new Request(url, {
        method: 'POST',
        body: stream,
        // @ts-expect-error Node's fetch needs duplex for stream bodies
        duplex: 'half',
        headers: {
          authorization: `Bearer ${emp}`,
          'content-type': 'multipart/form-data; boundary=x',
          'content-length': String(50 * 1024 * 1024),
        },
      }),
      { params: Promise.resolve({ id: String(ticketId) }) },
    );
    expect(res.status).toBe(413);
    expect(pulled).toBe(false);
    expect(await snapshot(HDTS_TABLES)).toEqual(before);
  });

  it('413 while streaming a file over the limit; nothing stored', async () => {
    const before = await snapshot(HDTS_TABLES);
    const n = filesOnDisk();
    const r = await upload(form([{ name: 'big.txt', data: Buffer.alloc(1024 * 1024 + 10, 'a') }]));
    expect(r.status).toBe(413);
    expect(r.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await snapshot(HDTS_TABLES)).toEqual(before);
    expect(filesOnDisk()).toBe(n);
  });

  it('refuses a disguised file type (an executable named .png, a PNG named .pdf)', async () => {
    const before = await snapshot(HDTS_TABLES);
    const n = filesOnDisk();
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 0x90)]);
    const r = await upload(form([{ name: 'holiday.png', data: exe, type: 'image/png' }]));
    expect(r.status).toBe(415);
    expect(r.body.code).toBe('UNSUPPORTED_FILE_TYPE');
    expect((await upload(form([{ name: 'report.pdf', data: PNG }]))).status).toBe(415);
    expect((await upload(form([{ name: 'notes.txt', data: PNG }]))).status).toBe(415);
    expect((await upload(form([{ name: 'run.sh', data: '#!/bin/sh' }]))).status).toBe(415);
    expect(await snapshot(HDTS_TABLES)).toEqual(before);
    expect(filesOnDisk()).toBe(n);
  });

  it('sanitises a path-traversal name and stores inside the attachment folder', async () => {
    const r = await upload(form([{ name: '../../../etc/passwd.txt', data: 'root:x:0:0' }]));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body[0].filename).toBe('passwd.txt');
    const w = await upload(form([{ name: '..\\..\\windows\\evil.log', data: 'log line' }]));
    expect(w.body[0].filename).toBe('evil.log');
    expect(fs.existsSync(path.join(os.tmpdir(), 'passwd.txt'))).toBe(false);
    for (const f of fs.readdirSync(dir())) expect(f).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('only people who may see the ticket upload; non-multipart is 415', async () => {
    const before = await snapshot(HDTS_TABLES);
    expect((await upload(form([{ name: 'a.txt', data: 'x' }]), emp2)).status).toBe(404);
    expect((await upload('{}', emp, { 'content-type': 'application/json' })).status).toBe(415);
    expect(await snapshot(HDTS_TABLES)).toEqual(before);
  });
});

describe('attachments on the workflow side', () => {
  const job = { id: 'test', retryCount: 0 };
  /** Run the help desk's consumer on every assignee delivery sent for a ticket (routing's and later ones), in order. */
  async function deliverAssignees(ticketNumber: string) {
    for (const a of await helpdeskDeliveries('assignee', ticketNumber)) {
      await updateTicketAssigneeJob.handler(MESSAGES.updateTicketAssignee.schema.parse(a), job);
    }
  }
  const download = (a: { id: number; url: string }, token: string) =>
    call(downloadRoute, 'GET', a.url, { token, params: { id: a.id } });
  // The only workflow of this file's database for IT Department / IT Support; two agents in the start role.
  let wf: Awaited<ReturnType<typeof threeStepWorkflow>>;
  beforeAll(async () => {
    wf = await threeStepWorkflow({ department: 'IT Department', category: 'IT Support', members: [2, 1, 1] });
  });

  it('process_ticket carries the files, the task shows them, the assigned agent downloads them and other agents get 404', async () => {
    const created = await call(ticketsRoute, 'POST', '/x', {
      token: emp,
      rawBody: form(
        [
          { name: 'screen.png', data: PNG, type: 'image/png' },
          { name: 'steps.txt', data: 'open VPN, see error 809' },
        ],
        { subject: 'VPN error', description: 'See files', category: 'IT Support' },
      ),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const t = created.body;
    const approved = await call(approveRoute, 'POST', '/x', {
      token: coord,
      params: { id: t.id },
      body: { priority: 'High', department: 'IT Department' },
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);

    // The message: each file with the help desk's download URL, upload time, size and type.
    const sent = await jobsFor(MESSAGES.processTicket.name, t.ticket_number);
    expect(sent).toHaveLength(1);
    const message = MESSAGES.processTicket.schema.parse(sent[0].data);
    const expected = t.attachments.map(
      (a: { id: number; filename: string; url: string; uploaded_at: string; size: number; mime_type: string }) => ({
        id: a.id,
        filename: a.filename,
        url: `/hdts/api/v1/attachments/${a.id}/`,
        uploaded_at: a.uploaded_at,
        size: a.size,
        content_type: a.mime_type,
      }),
    );
    expect(expected.map((a: { filename: string }) => a.filename)).toEqual(['screen.png', 'steps.txt']);
    expect(message.attachments).toEqual(expected);

    // The workflow engine keeps them with its copy of the ticket; the task detail returns them.
    await processTicketJob.handler(message, job);
    const task = (await taskOf(t.ticket_number))!;
    const agent = wf.roles.triage.users.find((u) => u.id === task.items[0].userId)!;
    const otherAgent = wf.roles.triage.users.find((u) => u.id !== agent.id)!;
    const agentToken = await tokenOf(agent);
    const detail = await call(taskRoute, 'GET', `/tts/tasks/${task.id}/`, { token: agentToken, params: { id: task.id } });
    expect(detail.status).toBe(200);
    expect(detail.body.attachments).toEqual(expected);

    // The help desk learns the assignee from the workflow's message; until then the agent is a stranger (404).
    expect((await download(expected[0], agentToken)).status).toBe(404);
    await deliverAssignees(t.ticket_number);
    await deliverAssignees(t.ticket_number); // at-least-once delivery: applied once
    const row = await db.ticket.findUniqueOrThrow({ where: { id: t.id } });
    expect(row.assigneeId).toBe(agent.id);
    expect(await db.ticketHistory.count({ where: { ticketId: t.id, type: 'ASSIGNMENT_CHANGE', field: 'assignee' } })).toBe(1);
    const d = await download(expected[0], agentToken);
    expect(d.status).toBe(200);
    expect(Buffer.from(await d.response.arrayBuffer()).equals(PNG)).toBe(true);
    const txt = await download(expected[1], agentToken);
    expect(txt.status).toBe(200);
    expect(await txt.response.text()).toBe('open VPN, see error 809');

    // Agents not on the ticket: another member of the same role, and a seeded Support Agent.
    for (const stranger of [await tokenOf(otherAgent), await tokenFor('agent1')]) {
      for (const a of expected) expect((await download(a, stranger)).status).toBe(404);
    }

    // The work moves on: the next step's agent becomes the assignee and downloads; the help desk follows
    // the current assignee, so the previous one no longer can.
    const submit = await db.workflowTransition.findFirstOrThrow({ where: { workflowId: wf.id, name: 'submit' } });
    const moved = await call(transitionsRoute, 'POST', '/tts/transitions/', {
      token: agentToken,
      body: { task_item_id: task.items[0].id, transition_id: submit.id, notes: 'checked' },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const items = (await taskOf(t.ticket_number))!.items;
    const next = wf.roles.resolution.users[0];
    expect(items[1].userId).toBe(next.id);
    await deliverAssignees(t.ticket_number);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: t.id } })).assigneeId).toBe(next.id);
    expect((await download(expected[0], await tokenOf(next))).status).toBe(200);
    expect((await download(expected[0], agentToken)).status).toBe(404);

    // A late delivery of the earlier assignment (first seen now) does not take the ticket back.
    await db.ticketSyncEvent.delete({ where: { eventId: `assignee:${items[0].id}` } });
    await deliverAssignees(t.ticket_number);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: t.id } })).assigneeId).toBe(next.id);
    expect(await db.ticketSyncEvent.findUnique({ where: { eventId: `assignee:${items[0].id}` } })).toMatchObject({
      applied: false,
    });
  });

  it('files added or deleted after approval reach the task page; a late, older list changes nothing; before approval nothing is sent', async () => {
    // the file's first ticket was never approved: its uploads sent nothing to the workflow engine
    const unapproved = await db.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    expect(await db.ticketAttachment.count({ where: { ticketId } })).toBeGreaterThan(1);
    expect(await jobsFor(MESSAGES.updateTicketAttachments.name, unapproved.ticketNumber)).toEqual([]);

    const created = await call(ticketsRoute, 'POST', '/x', {
      token: emp,
      rawBody: form([{ name: 'first.txt', data: 'first' }], {
        subject: 'Printer offline',
        description: 'More files later',
        category: 'IT Support',
      }),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const t = created.body;
    const approved = await call(approveRoute, 'POST', '/x', {
      token: coord,
      params: { id: t.id },
      body: { priority: 'Medium', department: 'IT Department' },
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const [sent] = await jobsFor(MESSAGES.processTicket.name, t.ticket_number);
    await processTicketJob.handler(MESSAGES.processTicket.schema.parse(sent.data), job);
    const task = (await taskOf(t.ticket_number))!;
    const agentToken = await tokenOf(wf.roles.triage.users.find((u) => u.id === task.items[0].userId)!);
    await deliverAssignees(t.ticket_number);
    const files = async () =>
      (
        await call(taskRoute, 'GET', `/tts/tasks/${task.id}/`, { token: agentToken, params: { id: task.id } })
      ).body.attachments.map((a: { filename: string }) => a.filename);
    expect(await files()).toEqual(['first.txt']);

    // the employee adds a file: the message (sent with the upload) carries the whole list
    const added = await call(uploadRoute, 'POST', `/hdts/api/v1/tickets/${t.id}/attachments`, {
      token: emp,
      params: { id: t.id },
      rawBody: form([{ name: 'second.txt', data: 'second' }]),
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const afterAdd = await jobsFor(MESSAGES.updateTicketAttachments.name, t.ticket_number);
    expect(afterAdd).toHaveLength(1);
    const addMessage = MESSAGES.updateTicketAttachments.schema.parse(afterAdd[0].data);
    expect(addMessage.attachments.map((a) => a.filename)).toEqual(['first.txt', 'second.txt']);
    await updateTicketAttachmentsJob.handler(addMessage, job);
    expect(await files()).toEqual(['first.txt', 'second.txt']);
    const second = addMessage.attachments[1];
    const d = await download(second, agentToken);
    expect(d.status).toBe(200);
    expect(await d.response.text()).toBe('second');

    // the employee deletes the first one
    const first = addMessage.attachments[0];
    const removed = await call(downloadRoute, 'DELETE', first.url, { token: emp, params: { id: first.id } });
    expect(removed.status, JSON.stringify(removed.body)).toBe(204);
    const afterDelete = await jobsFor(MESSAGES.updateTicketAttachments.name, t.ticket_number);
    expect(afterDelete).toHaveLength(2);
    const deleteMessage = MESSAGES.updateTicketAttachments.schema.parse(afterDelete[1].data);
    await updateTicketAttachmentsJob.handler(deleteMessage, job);
    expect(await files()).toEqual(['second.txt']);

    // the older list delivered again (late, or a second time) does not bring the deleted file back
    await updateTicketAttachmentsJob.handler(addMessage, job);
    expect(await files()).toEqual(['second.txt']);
  });

  it('a list for a ticket the workflow engine has not received yet is retried, not dropped', async () => {
    const message = { ticket_number: 'TX20261130000001', attachments: [], changed_at: new Date().toISOString() };
    const failure = await updateTicketAttachmentsJob.handler(message, job).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(PermanentJobError);
  });
});
