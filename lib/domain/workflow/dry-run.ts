/**
 * The dry run: what a draft (or any deployed version) would do with real tickets, before it is deployed.
 *
 * It replays the latest tickets of the workflow's department / category / sub-category (and one the admin types)
 * and tells, per ticket, which workflow takes it today and which would once this one is deployed, who the
 * round-robin would pick first, the SLA of each step on the way and the path through the steps. It only reads:
 * no row, no counter, no job is written (the round-robin counters are read, never advanced).
 */
import { activeUsersInRole, rolesOf } from '@/lib/domain/identity/directory';
import { db, type Prisma } from '@/lib/server/db';
import type { Actor } from '../actor';
import { notFound } from '../errors';
import { happyPath } from './happy-path';
import { assertCanManageWorkflows } from './policy';
import { peekCounter, pickRoundRobin } from './roundrobin';
import { deployedCandidates, pickWorkflow, type RoutingTicket, rolePool } from './routing';
import { slaOrderProblems, slaSecondsFor, stepSlaSeconds } from './sla';
import { startStepOf, type VersionSnapshot, weightsOf } from './snapshot';
import { deployProblems, type RoleFacts } from './validation';
import type { DryRunInput } from './version-schemas';
import { snapshotFor } from './versions';

interface ReplayTicket extends RoutingTicket {
  ticketNumber: string | null;
  subject: string;
  priority: string;
  receivedAt: Date | null;
}

/** Role facts (name, members, active) of the roles a snapshot uses, as deploy checks them. */
async function roleFactsOf(snap: VersionSnapshot): Promise<RoleFacts> {
  const roles = new Map((await rolesOf('tts')).map((r) => [r.id, r]));
  const ids = [...new Set(snap.steps.flatMap((s) => [s.role_id, s.escalate_to_role_id]).filter((r): r is number => !!r))];
  const members = new Map(await Promise.all(ids.map(async (id) => [id, (await activeUsersInRole(id)).length] as const)));
  return (id) => {
    const r = roles.get(id);
    return r ? { name: r.name, members: members.get(id) ?? 0, active: r.isActive } : undefined;
  };
}

/** What deploy would refuse in this snapshot (empty when it could be deployed). */
async function problemsOf(snap: VersionSnapshot): Promise<string[]> {
  const facts = await roleFactsOf(snap);
  return [
    ...deployProblems(
      snap.steps.map((s) => ({
        key: s.id,
        name: s.name,
        roleId: s.role_id,
        escalateToRoleId: s.escalate_to_role_id,
        isStart: s.is_start,
        isEnd: s.is_end,
        weight: s.weight,
      })),
      snap.transitions.map((t) => ({ from: t.from_step_id, to: t.to_step_id, name: t.name })),
      facts,
    ),
    ...slaOrderProblems(snap.slas),
  ];
}

/** The latest tickets the workflow engine received for the snapshot's department / category / sub-category. */
async function latestTickets(snap: VersionSnapshot, limit: number): Promise<ReplayTicket[]> {
  if (!limit) return [];
  const sub = snap.sub_category?.trim();
  const where: Prisma.WorkflowTicketWhereInput = {
    department: { equals: snap.department, mode: 'insensitive' },
    category: { equals: snap.category, mode: 'insensitive' },
    ...(sub ? { subCategory: { equals: sub, mode: 'insensitive' } } : {}),
  };
  const rows = await db.workflowTicket.findMany({ where, orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }], take: limit });
  return rows.map((r) => ({
    ticketNumber: r.ticketNumber,
    subject: r.subject,
    department: r.department,
    category: r.category,
    subCategory: r.subCategory,
    priority: r.priority,
    receivedAt: r.receivedAt,
  }));
}

export async function dryRun(actor: Actor, workflowId: number, input: DryRunInput) {
  assertCanManageWorkflows(actor);
  const wf = await db.workflow.findUnique({ where: { id: workflowId }, select: { id: true } });
  if (!wf) throw notFound('Workflow', 'WORKFLOW_NOT_FOUND');
  const snap = await snapshotFor(workflowId, input.version);
  const problems = await problemsOf(snap);
  const start = startStepOf(snap);
  const members = start ? await activeUsersInRole(start.role_id) : [];
  const path = happyPath(snap);
  const weights = weightsOf(snap);
  // Tickets are replayed as if they arrived from now, one after another (the example first, then the latest
  // tickets oldest first): each that would come here takes the next round-robin turn.
  let turn = start ? await peekCounter(db, rolePool(start.role_id)) : 1n;

  const typed: ReplayTicket[] = input.ticket
    ? [
        {
          ticketNumber: null,
          subject: input.ticket.subject || 'Example ticket',
          department: input.ticket.department || snap.department,
          category: input.ticket.category || snap.category,
          subCategory: input.ticket.sub_category?.trim() || snap.sub_category || null,
          priority: input.ticket.priority,
          receivedAt: null,
        },
      ]
    : [];
  const replayed = (await latestTickets(snap, input.limit)).reverse();
  // the picking rule reads department, category and sub-category only; the calendar plays no part in it
  const self = { id: workflowId, name: snap.name, currentVersionId: null, calendarId: null };

  const results = [];
  for (const t of [...typed, ...replayed]) {
    const deployed = await deployedCandidates(db, t);
    const today = pickWorkflow(deployed, t);
    const after = pickWorkflow(
      [
        ...deployed.filter((w) => w.id !== workflowId),
        { ...self, department: snap.department, category: snap.category, subCategory: snap.sub_category },
      ],
      t,
    );
    const here = 'workflow' in after && after.workflow.id === workflowId;
    const sla = slaSecondsFor(snap.slas, t.priority);
    let assignee: { user_id: number; name: string } | null = null;
    let assigneeReason: string | null = null;
    if (here) {
      if (!start) assigneeReason = 'The workflow has no start step';
      else if (!members.length) assigneeReason = `Nobody is in the role "${start.role_name}" of the first step`;
      else {
        const m = pickRoundRobin(members, turn);
        if (m) assignee = { user_id: m.id, name: m.name };
        turn += 1n;
      }
    }
    results.push({
      ticket_number: t.ticketNumber,
      hypothetical: t.ticketNumber == null,
      subject: t.subject,
      department: t.department,
      category: t.category,
      sub_category: t.subCategory,
      priority: t.priority,
      received_at: t.receivedAt?.toISOString() ?? null,
      today: 'workflow' in today ? { workflow_id: today.workflow.id, name: today.workflow.name } : null,
      today_reason: 'workflow' in today ? null : today.reason,
      after_deploy: 'workflow' in after ? { workflow_id: after.workflow.id, name: after.workflow.name } : null,
      after_deploy_reason: 'workflow' in after ? null : after.reason,
      routes_here: here,
      first_assignee: assignee,
      first_assignee_reason: assigneeReason,
      sla_seconds: here ? sla : null,
      path: here
        ? path.map((s) => ({ step: s.name, role: s.role_name, sla_seconds: stepSlaSeconds(sla, s.weight, weights) }))
        : [],
    });
  }
  // The typed ticket first, then the replayed ones newest first (as a list of recent tickets reads).
  const [first, ...rest] = results;
  const ordered = typed.length ? [first, ...rest.reverse()] : results.reverse();
  return { workflow_id: workflowId, version: input.version, problems, tickets: ordered };
}
