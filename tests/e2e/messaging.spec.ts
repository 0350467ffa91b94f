import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signIn } from './helpers';

const KEY = 'e2e-service-key-0123456789abcdef';
const run = Date.now().toString(36);
const ticket = `TX20261122${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;

async function myId(page: Page): Promise<number> {
  const res = await page.request.get('/auth/api/v1/users/profile/');
  expect(res.ok()).toBe(true);
  return (await res.json()).id as number;
}

async function unread(page: Page): Promise<number> {
  const badge = page.getByTestId('notification-count');
  return (await badge.count()) ? Number(await badge.first().textContent()) : 0;
}

test.describe('real-time messaging and notifications', () => {
  test('the bell count rises on a new task (the live thread itself: conversation.spec.ts)', async ({ browser }) => {
    const agentContext = await browser.newContext();
    const coordinatorContext = await browser.newContext();
    const agent = await agentContext.newPage();
    const coordinator = await coordinatorContext.newPage();
    await signIn(agent, 'agent1@example.com');
    await signIn(coordinator, 'coordinator1@example.com');

    // the coordinator's bell rises when a task is assigned (sent by the workflow engine through the service API).
    // The unread count before comes from the API: the badge may not have loaded yet, and other notifications
    // (the SLA monitor's, every minute) may arrive meanwhile, so the check is "more than before" plus this one
    // notification in the bell's list, without a reload.
    const listed = await coordinator.request.get('/notifications/notifications/?is_read=false&page_size=1');
    const before = Number((await listed.json()).count);
    const coordinatorId = await myId(coordinator);
    const sent = await coordinator.request.post('/notifications/api/v1/notifications/send/', {
      headers: { 'X-API-Key': KEY },
      data: {
        user_id: coordinatorId,
        notification_type: 'task_assigned',
        subject: `New task on ${ticket}`,
        message: 'You have a new task',
        ticket_number: ticket,
      },
    });
    expect(sent.status()).toBe(200);
    await expect.poll(() => unread(coordinator), { timeout: 10_000 }).toBeGreaterThan(before);
    await coordinator.getByTestId('notification-bell').click();
    await expect(coordinator.getByRole('menuitem', { name: new RegExp(`New task on ${ticket}`) })).toBeVisible();

    await agentContext.close();
    await coordinatorContext.close();
  });

  test("a public comment appears on the employee's ticket page without a reload; an internal note never does", async ({
    browser,
  }) => {
    const employeeContext = await browser.newContext();
    const coordinatorContext = await browser.newContext();
    const employee = await employeeContext.newPage();
    const coordinator = await coordinatorContext.newPage();
    await signIn(employee, 'employee1@example.com');
    await signIn(coordinator, 'coordinator1@example.com');
    const created = await employee.request.post('/hdts/api/tickets/', {
      data: {
        subject: `Monitor stays black ${run}`,
        description: 'Live comments e2e',
        category: 'IT Support',
        sub_category: 'Hardware Troubleshooting',
      },
    });
    expect(created.status()).toBe(201);
    const { id, ticket_number: number } = (await created.json()) as { id: number; ticket_number: string };

    await employee.goto(`/employee/tickets/${number}`);
    const thread = employee.locator('section[aria-labelledby="comments"]');
    // the page has joined the ticket's room (the requester is recorded as participant by a job)
    await expect(thread).toHaveAttribute('data-live', 'joined', { timeout: 20_000 });
    await expect(thread.getByText('No comments yet.')).toBeVisible();
    await employee.evaluate(() => {
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
    });
    const sameDocument = () =>
      employee.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

    await coordinator.goto(`/coordinator/tickets/${number}`);
    const secret = `Internal: check the warranty first ${run}`;
    await coordinator.getByLabel('Add a note or reply').fill(secret);
    await coordinator.getByRole('button', { name: 'Add internal note' }).click();
    // (scoped to the thread: a filled textarea's text content is its value, so the page matches at once)
    await expect(coordinator.locator('section[aria-labelledby="comments"]').getByText(secret)).toBeVisible();

    const text = `A replacement monitor is on its way ${run}`;
    await coordinator.getByLabel('Add a note or reply').fill(text);
    await coordinator.getByLabel('Internal note (hidden from the requester)').uncheck();
    await coordinator.getByRole('button', { name: 'Post comment' }).click();
    await expect(thread.getByText(text)).toBeVisible({ timeout: 3000 });
    await expect(thread.getByText(secret)).toHaveCount(0);
    expect(await sameDocument()).toBe(true);

    // a status change (approval) re-renders the page in place
    const approved = await coordinator.request.post(`/hdts/api/tickets/${id}/approve/`, {
      data: { priority: 'High', department: 'IT Department' },
    });
    expect(approved.status()).toBe(200);
    await expect(employee.getByRole('list', { name: 'Ticket progress' }).locator('[aria-current="step"]')).toContainText('Open', {
      timeout: 5000,
    });
    await expect(thread.getByText(text)).toBeVisible();
    expect(await sameDocument()).toBe(true);

    // and after a reload the thread is the same: the public comment, never the internal note
    await employee.reload();
    await expect(employee.locator('section[aria-labelledby="comments"]').getByText(text)).toBeVisible();
    await expect(employee.getByText(secret)).toHaveCount(0);

    await employeeContext.close();
    await coordinatorContext.close();
  });

  test('the notifications page lists notifications and marks them read', async ({ page }) => {
    await signIn(page, 'employee2@example.com');
    const id = await myId(page);
    await page.request.post('/notifications/notifications/', {
      headers: { 'X-API-Key': KEY },
      data: { user_id: id, type: 'ticket_resolved', subject: `Your ticket was resolved (${run})`, message: 'All fixed.' },
    });
    await page.goto('/notifications');
    await expect(page.getByText(`Your ticket was resolved (${run})`)).toBeVisible();
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await expect(page.getByTestId('unread-summary')).toHaveText('All caught up.');
  });

  test('an admin sees the e-mail deliveries; a user turns an e-mail type off in the profile', async ({ page }) => {
    await signIn(page, 'employee1@example.com');
    const id = await myId(page);
    await page.request.post('/notifications/notifications/', {
      headers: { 'X-API-Key': KEY },
      data: { user_id: id, type: 'ticket_approved', subject: 'Your ticket was approved', message: 'Approved.' },
    });
    await page.goto('/profile');
    const toggle = page.getByRole('switch', { name: 'A new public comment on my ticket' });
    await expect(toggle).toBeChecked();
    // an employee is offered the e-mails that can reach them, not the agents' task e-mails
    await expect(page.getByRole('switch', { name: 'A task is assigned to me' })).toHaveCount(0);
    const saved = page.waitForResponse((r) => r.url().includes('/auth/api/v1/users/profile') && r.request().method() === 'PATCH');
    await toggle.click();
    expect((await saved).status()).toBe(200);
    await page.reload();
    const reloaded = page.getByRole('switch', { name: 'A new public comment on my ticket' });
    await expect(reloaded).not.toBeChecked();
    // turned back on, so the journey can run again on the same data
    const restored = page.waitForResponse(
      (r) => r.url().includes('/auth/api/v1/users/profile') && r.request().method() === 'PATCH',
    );
    await reloaded.click();
    expect((await restored).status()).toBe(200);
    await expect(reloaded).toBeChecked();

    const admin = await (await page.context().browser()?.newContext())?.newPage();
    if (!admin) throw new Error('no browser');
    await signIn(admin, 'admin@example.com');
    await admin.goto('/admin/notifications/deliveries');
    await expect(admin.getByRole('heading', { name: 'E-mail deliveries' })).toBeVisible();
    // the e-mail job runs after the request: reload until its delivery is listed
    await expect(async () => {
      await admin.reload();
      await expect(admin.getByRole('row').filter({ hasText: 'Your ticket was approved' }).first()).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 20_000 });
  });
});
