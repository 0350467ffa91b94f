/**
 * Demo data for the dashboards (`npm run db:seed`; idempotent: a demo ticket number that exists is left alone).
 * Tickets owned by coordinator1 in every SLA state, some resolved this week, CSAT ratings across twelve weeks and a
 * few tickets waiting for triage, so every tile and chart has something to show. Both sides of a routed ticket are
 * written as the message exchange would leave them (help-desk ticket, workflow copy, task, assignment).
 */
import { db, transaction } from '@/lib/server/db';
import { weekStart } from './queries';

const H = 3_600_000;
const DAY = 24 * H;
/** Fixed demo numbers (a date no real ticket carries): TX20260101 + 90 + 4 digits. */
const num = (n: number) => `TX2026010190${String(n).padStart(4, '0')}`;
const SUBJECTS = [
  'Laptop will not boot after update',
  'VPN drops every few minutes',
  'Printer on floor 3 jams',
  'Cannot open shared drive',
  'Outlook keeps asking for password',
  'New starter needs an account',
  'Monitor flickers',
  'Teams calls have no sound',
  'Software licence expired',
  'Keyboard missing keys',
];

async function userId(username: string): Promise<number | null> {
  return (await db.user.findUnique({ where: { username }, select: { id: true } }))?.id ?? null;
}

interface Spec {
  n: number;
  /** Hours ago the work started (and the ticket was approved). */
  startedAgoH: number;
  /** Hours from now to the resolution target (negative: already past). */
  targetInH: number;
  completedAt?: Date;
  csat?: number;
  csatAt?: Date;
  priority: 'Critical' | 'High' | 'Medium' | 'Low';
}

export async function seedDemoDashboards(now = new Date()): Promise<void> {
  const [coordinator, agent, employee] = await Promise.all([userId('coordinator1'), userId('agent4'), userId('employee2')]);
  const workflow = await db.workflow.findFirst({ where: { name: 'IT Support Workflow' } });
  const specialist = await db.role.findUnique({ where: { system_name: { system: 'tts', name: 'Specialist' } } });
  if (!coordinator || !agent || !employee || !workflow || !specialist) return;
  const version = await db.workflowVersion.findFirst({ where: { workflowId: workflow.id }, orderBy: { id: 'desc' } });
  const step = await db.workflowStep.findFirst({ where: { workflowId: workflow.id, name: 'Resolution' } });
  if (!version || !step) return;
  const monday = weekStart(now).getTime();
  // Resolved this week: never before Monday 00:00 UTC, whatever day the seed runs.
  const thisWeek = (hAgo: number) => new Date(Math.max(monday + 60_000, now.getTime() - hAgo * H));
  const specs: Spec[] = [
    // Open and breached, at risk (past the "Due soon" share of the time), on track.
    { n: 1, startedAgoH: 30, targetInH: -6, priority: 'Critical' },
    { n: 2, startedAgoH: 50, targetInH: -2, priority: 'High' },
    { n: 3, startedAgoH: 12, targetInH: -1, priority: 'High' },
    { n: 4, startedAgoH: 9, targetInH: 1, priority: 'Medium' },
    { n: 5, startedAgoH: 43, targetInH: 5, priority: 'Low' },
    { n: 6, startedAgoH: 2, targetInH: 46, priority: 'Medium' },
    { n: 7, startedAgoH: 1, targetInH: 7, priority: 'High' },
    { n: 8, startedAgoH: 5, targetInH: 115, priority: 'Low' },
    { n: 9, startedAgoH: 0.5, targetInH: 3.5, priority: 'Critical' },
    // Resolved this week, rated.
    { n: 10, startedAgoH: 20, targetInH: 28, completedAt: thisWeek(3), csat: 5, csatAt: thisWeek(2), priority: 'Medium' },
    { n: 11, startedAgoH: 10, targetInH: -2, completedAt: thisWeek(1), csat: 4, csatAt: thisWeek(0.5), priority: 'High' },
    { n: 12, startedAgoH: 6, targetInH: 2, completedAt: thisWeek(0.2), priority: 'High' },
  ];
  // Earlier weeks: resolved and rated, a dip five weeks ago.
  const ratings = [5, 4, 4, 3, 5, 2, 3, 4, 5, 4, 5, 3, 4, 5, 5, 4, 2, 4, 5, 4, 3];
  ratings.forEach((r, i) => {
    const week = 1 + (i % 11);
    const at = new Date(monday - week * 7 * DAY + (1 + (i % 5)) * DAY);
    const rating = week === 5 ? Math.min(r, 2) : r;
    specs.push({
      n: 20 + i,
      startedAgoH: (now.getTime() - at.getTime()) / H + 30,
      targetInH: -(now.getTime() - at.getTime()) / H + 10,
      completedAt: new Date(at.getTime() - 2 * H),
      csat: rating,
      csatAt: at,
      priority: (['Low', 'Medium', 'High', 'Critical'] as const)[i % 4],
    });
  });
  for (const s of specs) {
    const ticketNumber = num(s.n);
    if (await db.ticket.findUnique({ where: { ticketNumber }, select: { id: true } })) continue;
    const started = new Date(now.getTime() - s.startedAgoH * H);
    const created = new Date(started.getTime() - 2 * H);
    const target = new Date(now.getTime() + s.targetInH * H);
    const subject = SUBJECTS[s.n % SUBJECTS.length];
    const done = !!s.completedAt;
    await transaction(async (tx) => {
      await tx.ticket.create({
        data: {
          ticketNumber,
          subject,
          description: `${subject}. (Demo ticket for the dashboards.)`,
          category: 'IT Support',
          department: 'IT Department',
          priority: s.priority,
          priorityRank: { Critical: 1, High: 2, Medium: 3, Low: 4 }[s.priority],
          status: done ? (s.csat ? 'Closed' : 'Resolved') : 'In Progress',
          employeeId: employee,
          ownerId: coordinator,
          assigneeId: agent,
          approvedById: coordinator,
          approvedAt: started,
          resolvedAt: s.completedAt ?? null,
          timeClosed: s.csat ? s.completedAt : null,
          csatRating: s.csat ?? null,
          csatFeedback: s.csat ? (s.csat >= 4 ? 'Quick and friendly, thanks.' : 'Took longer than I hoped.') : null,
          csatAt: s.csatAt ?? null,
          resolutionDueAt: target,
          workflowId: workflow.id, // what the routing delivery (hdts.update_ticket_sla) writes
          createdAt: created,
        },
      });
      const wt = await tx.workflowTicket.create({
        data: {
          ticketNumber,
          subject,
          description: `${subject}. (Demo ticket for the dashboards.)`,
          department: 'IT Department',
          category: 'IT Support',
          priority: s.priority,
          employeeId: employee,
          employeeName: 'Noah Garcia',
          employeeEmail: 'employee2@example.com',
          hdtsStatus: done ? 'Resolved' : 'In Progress',
          ticketCreatedAt: created,
          payload: { ticket_number: ticketNumber, demo: true },
          csatRating: s.csat ?? null,
          dateCompleted: s.completedAt ?? null,
          receivedAt: started,
        },
      });
      await tx.task.create({
        data: {
          ticketId: wt.id,
          workflowId: workflow.id,
          versionId: version.id,
          currentStepId: step.id,
          status: done ? 'completed' : 'in_progress',
          ownerId: coordinator,
          targetResolution: target,
          startedAt: started,
          completedAt: s.completedAt ?? null,
          createdAt: started,
          items: {
            create: {
              userId: agent,
              roleId: specialist.id,
              stepId: step.id,
              stepName: step.name,
              status: done ? 'resolved' : 'in_progress',
              // A few hand-overs, so the escalation and transfer rates have something to show.
              origin: s.n % 7 === 1 ? 'Escalation' : s.n % 9 === 2 ? 'Transferred' : 'System',
              assignedOn: started,
              actedOn: s.completedAt ?? null,
              targetResolution: target,
            },
          },
        },
      });
    });
  }
  // Waiting for triage: three new requests, the oldest from three days ago.
  for (const [i, hAgo] of [74, 26, 2].entries()) {
    const ticketNumber = num(90 + i);
    if (await db.ticket.findUnique({ where: { ticketNumber }, select: { id: true } })) continue;
    await db.ticket.create({
      data: {
        ticketNumber,
        subject: ['Request a second monitor', 'Access to the finance share', 'Phone screen cracked'][i],
        description: 'Demo request waiting for triage.',
        category: 'IT Support',
        department: 'IT Department',
        status: 'New',
        employeeId: employee,
        createdAt: new Date(now.getTime() - hAgo * H),
      },
    });
  }
}
