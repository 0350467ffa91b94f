import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// A small limit and a private folder for this file (env is read when the modules load).
vi.hoisted(() => {
  process.env.ATTACHMENT_MAX_BYTES = String(1024 * 1024);
  process.env.ATTACHMENT_DIR = require('node:fs').mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 'sb-att-'));
});

import * as uploadRoute from '@/app/(api)/hdts/api/v1/tickets/[id]/attachments/route';
import * as downloadRoute from '@/app/(api)/hdts/api/v1/attachments/[id]/route';
import * as ticketsRoute from '@/app/(api)/hdts/api/tickets/route';
import * as ticketRoute from '@/app/(api)/hdts/api/tickets/[id]/route';
import { stopJobs } from '@/lib/server/jobs/boss';
import { call, snapshot, tokenFor } from '../helpers/api';
import { HDTS_TABLES } from '../helpers/hdts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082', 'hex');
const dir = () => process.env.ATTACHMENT_DIR as string;
const filesOnDisk = () => fs.readdirSync(dir()).length;

function form(files: { name: string; data: Buffer | string; type?: string }[], fields: Record<string, string> = {}) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  for (const file of files) f.append('file', new Blob([typeof file.data === 'string' ? file.data : new Uint8Array(file.data)], { type: file.type ?? 'application/octet-stream' }), file.name);
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
    rawBody: form([{ name: 'screen.png', data: PNG, type: 'image/png' }], { subject: 'Screen flicker', description: 'See screenshot', category: 'IT Support' }),
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  ticketId = r.body.id;
});
afterAll(async () => {
  await stopJobs();
  fs.rmSync(dir(), { recursive: true, force: true });
});

const upload = (body: BodyInit, token = emp, headers: Record<string, string> = {}) =>
  call(uploadRoute, 'POST', `/hdts/api/v1/tickets/${ticketId}/attachments`, { token, params: { id: ticketId }, rawBody: body, headers });

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
    const stream = new ReadableStream({
      pull(c) {
        pulled = true;
        c.close();
      },
    }, { highWaterMark: 0 });
    const before = await snapshot(HDTS_TABLES);
    const url = new URL(`http://localhost/hdts/api/v1/tickets/${ticketId}/attachments`);
    const res = await uploadRoute.POST(
      new Request(url, {
        method: 'POST',
        body: stream,
        // @ts-expect-error Node's fetch needs duplex for stream bodies
        duplex: 'half',
        headers: { authorization: `Bearer ${emp}`, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(50 * 1024 * 1024) },
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
