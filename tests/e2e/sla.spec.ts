import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { as, assignee, signIn, token } from './helpers';

/**
 * Issues 10 and 11: one SLA clock per ticket. The help-desk ticket page and the workflow's owned-ticket page
 * show the same due instant and the same state; the countdown moves; a breach (a one-minute SLA) shows on the
 * agent's task page and reaches the owner's bell, sent by the SLA monitor's cron job.
 */
const run = Date.now().toString(36);
const auth = (t: string) => ({ headers: { Authorization: `Bearer ${t}` } });

async function submitAndApprove(request: APIRequestContext, subject: string, sub: string, priority: string) {
  const emp = await token(request, 'employee1');
  const created = await request.post('/hdts/api/tickets/', {
    ...auth(emp),
    data: { subject, description: 'The clock must agree everywhere.', category: 'IT Support', sub_category: sub },
  });
  expect(created.status()).toBe(201);
  const t = await created.json();
  const coord = await token(request, 'coordinator1');
  const approved = await request.post(`/hdts/api/tickets/${t.id}/approve/`, {
    ...auth(coord),
    data: { priority, department: 'IT Department' },
  });
  expect(approved.status()).toBeLessThan(300);
  return t.ticket_number as string;
}

async function ownerOf(request: APIRequestContext, admin: string, taskId: number) {
  const task = await (await request.get(`/tts/tasks/${taskId}/`, auth(admin))).json();
  const user = await (await request.get(`/auth/api/v1/users/${task.owner_id}/`, auth(admin))).json();
  return user.username as string;
}

test('the help-desk page and the workflow page show one due instant, one state, and the countdown moves', async ({
  browser,
  request,
}) => {
  const number = await submitAndApprove(request, `One clock ${run}`, 'Technical Assistance', 'High');
  const admin = await token(request, 'admin');
  const { taskId } = await assignee(request, admin, number);
  const owner = await as(browser, await ownerOf(request, admin, taskId));

  // the workflow's owned-ticket page: "Ticket SLA", due at the workflow's target
  await owner.goto(`/coordinator/owned/${number}`);
  const bar = owner.getByTestId('sla-progress').filter({ hasText: 'Ticket SLA' });
  await expect(bar.locator('[data-sla-state]').first()).toHaveAttribute('data-sla-state', 'on_track');
  const workflowDue = (await bar.getByTestId('sla-due').textContent()) ?? '';
  expect(workflowDue).toMatch(/^Due /);

  // the help desk's ticket page: the same instant (the help desk learned it from the workflow)
  await expect(async () => {
    await owner.goto(`/coordinator/tickets/${number}`);
    await expect(owner.getByTestId('resolution-due')).toHaveText(workflowDue.replace(/^Due /, ''), { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  const countdown = owner.getByTestId('resolution-sla');
  await expect(countdown).toHaveAttribute('data-sla-state', 'on_track');
  await expect(countdown).toContainText('On track');
  // never "Due soon" from the first minute; and it ticks
  await expect(countdown).not.toContainText('Due soon');
  const first = await countdown.getByTestId('sla-remaining').textContent();
  await expect(countdown.getByTestId('sla-remaining')).not.toHaveText(first ?? '', { timeout: 5000 });
  await owner.context().close();
});

test('a breach shows on the agent’s task page and in the owner’s bell', async ({ page, browser, request }) => {
  test.setTimeout(300_000);
  const admin = await token(request, 'admin');
  // a one-step workflow with a one-minute SLA for one sub-category (the exact match wins over the generic one)
  const roles = await (await request.get('/auth/api/v1/roles/?system=tts&page_size=100', auth(admin))).json();
  const agentRole = roles.results.find((r: { name: string }) => r.name === 'Support Agent');
  const wf = await request.post('/tts/workflows/', {
    ...auth(admin),
    data: {
      name: `E2E one-minute SLA ${run}`,
      department: 'IT Department',
      category: 'IT Support',
      sub_category: 'Data Backup/Restore',
      urgent_sla: 'PT1M',
      high_sla: 'PT2M',
      medium_sla: 'PT3M',
      low_sla: 'PT4M',
      steps: [{ name: 'Restore', role_id: agentRole.id, is_start: true, is_end: true, instruction: 'Restore the files' }],
      transitions: [],
    },
  });
  expect(wf.status()).toBe(201);
  const id = (await wf.json()).workflow_id;
  expect((await request.post(`/tts/workflows/${id}/deploy/`, auth(admin))).status()).toBe(200);

  const number = await submitAndApprove(request, `Lost files ${run}`, 'Data Backup/Restore', 'Critical');
  const { username, taskId } = await assignee(request, admin, number);
  const ownerName = await ownerOf(request, admin, taskId);

  await signIn(page, username);
  await page.goto(`/agent/tasks/${taskId}`);
  const step = page.getByTestId('sla-progress').filter({ hasText: 'This step' });
  await expect(step.locator('[data-sla-state]').first()).toHaveAttribute('data-sla-state', /on_track|warning|at_risk/);
  // the countdown turns to "SLA breached" on its own once the minute is up
  await expect(step.locator('[data-sla-state]').first()).toHaveAttribute('data-sla-state', 'breached', { timeout: 90_000 });
  await expect(step).toContainText('SLA breached');

  // the monitor (every minute) tells the owner
  const owner = await as(browser, ownerName);
  await expect(async () => {
    await owner.goto('/coordinator');
    await owner.getByTestId('notification-bell').click();
    await expect(owner.getByRole('menuitem', { name: new RegExp(`${number}.*breached`) }).first()).toBeVisible({
      timeout: 1000,
    });
  }).toPass({ timeout: 180_000 });
  // the monitor's breach is on the timeline of the task page (the owner's notification was sent in the same run)
  await page.reload();
  const timeline = page.getByTestId('sla-timeline');
  await expect(timeline).toContainText('Restore: SLA breached');
  await expect(timeline.getByTestId('sla-timeline-remaining')).toContainText(/Overdue/);
  await owner.context().close();
});
