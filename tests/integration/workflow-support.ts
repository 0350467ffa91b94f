/** Shared set-up for the workflow engine's integration tests: fresh roles, members, workflows, tickets. */
import { randomUUID } from 'node:crypto';
import * as deployRoute from '@/app/(api)/tts/workflows/[id]/deploy/route';
import * as workflowsRoute from '@/app/(api)/tts/workflows/route';
import type { ProcessTicketPayload } from '@/lib/domain/contracts/messages';
import { db } from '@/lib/server/db';
import { call, makeUser, tokenFor } from '../helpers/api';

let seq = 0;
/** A unique ticket number: TX + a date + 6 digits. */
export function ticketNumber(): string {
  seq += 1;
  const n = (Date.now() % 1_000_000) + seq * 7919;
  return `TX20261122${String(n % 1_000_000).padStart(6, '0')}`;
}
const used = new Set<string>();
export function uniqueTicketNumber(): string {
  for (;;) {
    const t = ticketNumber();
    if (!used.has(t)) {
      used.add(t);
      return t;
    }
  }
}

export function payload(o: Partial<ProcessTicketPayload> = {}): ProcessTicketPayload {
  return {
    ticket_number: uniqueTicketNumber(),
    subject: 'VPN down',
    description: 'Cannot reach the VPN',
    category: 'IT Support',
    sub_category: null,
    department: 'IT Department',
    priority: 'High',
    employee_id: 1,
    employee_name: 'Emma Wilson',
    employee_email: 'employee1@example.com',
    status: 'Open',
    created_at: new Date().toISOString(),
    ...o,
  };
}

/** A fresh TTS role with `n` active members (ordered by id). */
export async function roleWithMembers(n: number, label = 'Role') {
  const name = `${label} ${randomUUID().slice(0, 6)}`;
  const users = [];
  for (let i = 0; i < n; i++) users.push(await makeUser([['tts', name]]));
  const role = n
    ? await db.role.findUniqueOrThrow({ where: { system_name: { system: 'tts', name } } })
    : await db.role.create({ data: { system: 'tts', name } });
  return { role, users };
}

export interface Built {
  id: number;
  department: string;
  category: string;
  roles: {
    triage: Awaited<ReturnType<typeof roleWithMembers>>;
    resolution: Awaited<ReturnType<typeof roleWithMembers>>;
    verification: Awaited<ReturnType<typeof roleWithMembers>>;
    escalation: Awaited<ReturnType<typeof roleWithMembers>>;
  };
}

/** Triage → Resolution → Verification (end) with reject Resolution → Triage; deployed. */
export async function threeStepWorkflow(
  o: {
    members?: [number, number, number];
    escalationMembers?: number;
    weights?: [number, number, number];
    high?: string;
    subCategory?: string | null;
    department?: string;
    category?: string;
    deploy?: boolean;
  } = {},
): Promise<Built> {
  const [a, b, c] = o.members ?? [2, 2, 2];
  const roles = {
    triage: await roleWithMembers(a, 'Triage'),
    resolution: await roleWithMembers(b, 'Resolution'),
    verification: await roleWithMembers(c, 'Verification'),
    escalation: await roleWithMembers(o.escalationMembers ?? 1, 'Escalation'),
  };
  const department = o.department ?? `Dept ${randomUUID().slice(0, 6)}`;
  const category = o.category ?? 'IT Support';
  const [w1, w2, w3] = o.weights ?? [1, 2, 1];
  const admin = await tokenFor('admin');
  const res = await call(workflowsRoute, 'POST', '/tts/workflows/', {
    token: admin,
    body: {
      name: `WF ${department}`,
      department,
      category,
      sub_category: o.subCategory ?? null,
      urgent_sla: 'PT4H',
      high_sla: o.high ?? 'PT8H',
      medium_sla: 'P2D',
      low_sla: 'P5D',
      steps: [
        {
          name: 'Triage',
          role_id: roles.triage.role.id,
          weight: w1,
          is_start: true,
          instruction: 'Check the ticket',
          escalate_to_role_id: roles.escalation.role.id,
        },
        { name: 'Resolution', role_id: roles.resolution.role.id, weight: w2, escalate_to_role_id: roles.escalation.role.id },
        { name: 'Verification', role_id: roles.verification.role.id, weight: w3, is_end: true },
      ],
      transitions: [
        { from_step: 'Triage', to_step: 'Resolution', name: 'submit' },
        { from_step: 'Resolution', to_step: 'Verification', name: 'resolve' },
        { from_step: 'Resolution', to_step: 'Triage', name: 'reject' },
      ],
    },
  });
  if (res.status !== 201) throw new Error(`create failed: ${JSON.stringify(res.body)}`);
  const id = res.body.workflow_id as number;
  if (o.deploy !== false) {
    const d = await call(deployRoute, 'POST', `/tts/workflows/${id}/deploy/`, { token: admin, params: { id } });
    if (d.status !== 200) throw new Error(`deploy failed: ${JSON.stringify(d.body)}`);
  }
  return { id, department, category, roles };
}

export async function tokenOf(user: { username: string }) {
  return tokenFor(user.username);
}

export async function taskOf(ticket: string) {
  return db.task.findFirst({
    where: { ticket: { ticketNumber: ticket } },
    include: { items: { orderBy: { id: 'asc' } }, version: true },
  });
}

export async function jobsFor(name: string, ticket: string) {
  return db.$queryRaw<
    { data: Record<string, unknown> }[]
  >`SELECT data FROM pgboss.job WHERE name = ${name} AND data->>'ticket_number' = ${ticket} ORDER BY created_on`;
}

/**
 * What the workflow told the help desk of one kind, oldest first, in the shape of that kind's own message: routing
 * sends owner, first assignee and SLA together (hdts.ticket_routed), later changes each in its own message.
 */
export async function helpdeskDeliveries(kind: 'owner' | 'assignee' | 'sla', ticket: string) {
  const own = { owner: 'hdts.update_ticket_owner', assignee: 'hdts.update_ticket_assignee', sla: 'hdts.update_ticket_sla' }[kind];
  const rows = await db.$queryRaw<{ name: string; data: Record<string, unknown> }[]>`
    SELECT name, data FROM pgboss.job WHERE name IN (${own}, 'hdts.ticket_routed') AND data->>'ticket_number' = ${ticket}
    ORDER BY created_on, id`;
  return rows.flatMap(({ name, data }) => {
    if (name === own) return [data];
    if (kind === 'owner') return data.owner_id ? [{ ticket_number: ticket, owner_id: data.owner_id }] : [];
    return [{ ticket_number: ticket, ...(data[kind] as Record<string, unknown>) }];
  });
}

export const WORKFLOW_TABLES = [
  'workflow.workflows',
  'workflow.workflow_steps',
  'workflow.workflow_transitions',
  'workflow.workflow_versions',
  'workflow.tickets',
  'workflow.tasks',
  'workflow.task_items',
  'workflow.task_item_history',
  'workflow.round_robin_counters',
  'audit.audit_log',
  'pgboss.job',
];
