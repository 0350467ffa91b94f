import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { as, assignee, token } from './helpers';

const run = Date.now().toString(36);

/** employee1 submits, coordinator1 approves (IT Department): the demo workflow assigns a Support Agent. */
async function routedTicket(request: APIRequestContext, subject: string) {
  const employee = await token(request, 'employee1');
  const created = await request.post('/hdts/api/tickets/', {
    headers: { Authorization: `Bearer ${employee}` },
    data: { subject, description: 'One thread e2e', category: 'IT Support', sub_category: 'Technical Assistance' },
  });
  expect(created.status()).toBe(201);
  const t = (await created.json()) as { id: number; ticket_number: string };
  const coordinator = await token(request, 'coordinator1');
  const approved = await request.post(`/hdts/api/tickets/${t.id}/approve/`, {
    headers: { Authorization: `Bearer ${coordinator}` },
    data: { priority: 'High', department: 'IT Department' },
  });
  expect(approved.status()).toBeLessThan(300);
  const admin = await token(request, 'admin');
  const { username, taskId } = await assignee(request, admin, t.ticket_number);
  // the help desk learns the assignee from the workflow's message (the agent may then read the thread)
  const agentToken = await token(request, username);
  await expect
    .poll(
      async () =>
        (await request.get(`/hdts/api/tickets/${t.id}/`, { headers: { Authorization: `Bearer ${agentToken}` } })).status(),
      { timeout: 15_000 },
    )
    .toBe(200);
  return { ...t, agent: username, taskId };
}

async function unread(page: Page): Promise<number> {
  const badge = page.getByTestId('notification-count');
  return (await badge.count()) ? Number(await badge.first().textContent()) : 0;
}

test.describe('one conversation per ticket', () => {
  test('employee and agent converse publicly from their own pages, live; an internal note never reaches the employee', async ({
    browser,
    request,
  }) => {
    const subject = `Teams calls drop ${run}`;
    const t = await routedTicket(request, subject);
    const employee = await as(browser, 'employee1');
    const agent = await as(browser, t.agent);

    await employee.goto(`/employee/tickets/${t.ticket_number}`);
    const thread = employee.locator('section[aria-labelledby="comments"]');
    await expect(thread).toHaveAttribute('data-live', 'joined', { timeout: 20_000 });
    const bellBefore = await unread(employee);

    await agent.goto(`/agent/tasks/${t.taskId}`);
    await expect(agent.getByRole('heading', { name: subject })).toBeVisible();
    const publicPanel = agent.getByTestId('conversation-comments-public');
    await expect(publicPanel.getByText('No messages yet.')).toBeVisible();

    // the agent answers the requester from the task page
    const answer = `Please update the Teams client ${run}`;
    await publicPanel.getByRole('textbox', { name: 'Reply to the requester' }).fill(answer);
    await publicPanel.getByRole('button', { name: 'Post' }).click();
    await expect(publicPanel.getByText(answer)).toBeVisible();
    // ...which appears on the employee's page without a reload, and in the bell
    await expect(thread.getByText(answer)).toBeVisible({ timeout: 5000 });
    await expect(employee.getByTestId('notification-count')).toHaveText(String(bellBefore + 1), { timeout: 15_000 });

    // the employee replies from the ticket page; the agent's task page shows it live
    const reply = `Updated, still dropping ${run}`;
    await employee.getByLabel('Add a comment').fill(reply);
    await employee.getByRole('button', { name: 'Post comment' }).click();
    await expect(publicPanel.getByText(reply)).toBeVisible({ timeout: 5000 });

    // the internal chat is staff only
    const secret = `Internal: gateway firmware is old ${run}`;
    const chat = agent.getByTestId('conversation-messages');
    await chat.getByRole('textbox', { name: 'Write a message' }).fill(secret);
    await chat.getByRole('button', { name: 'Post' }).click();
    await expect(chat.getByText(secret)).toBeVisible();
    await expect(publicPanel.getByText(secret)).toHaveCount(0);
    await employee.reload();
    await expect(employee.locator('section[aria-labelledby="comments"]').getByText(reply)).toBeVisible();
    await expect(employee.getByText(secret)).toHaveCount(0);

    // the coordinator's help-desk ticket page shows the same thread, internal note included
    const coordinator = await as(browser, 'coordinator1');
    await coordinator.goto(`/coordinator/tickets/${t.ticket_number}`);
    const staffThread = coordinator.locator('section[aria-labelledby="comments"]');
    await expect(staffThread.getByText(answer)).toBeVisible();
    await expect(staffThread.getByText(reply)).toBeVisible();
    await expect(staffThread.getByText(secret)).toBeVisible();
  });

  test('an e-mail link followed while signed out lands on the ticket after sign-in', async ({ page, request }) => {
    const employee = await token(request, 'employee1');
    const created = await request.post('/hdts/api/tickets/', {
      headers: { Authorization: `Bearer ${employee}` },
      data: { subject: `Deep link ${run}`, description: 'x', category: 'IT Support', sub_category: 'Technical Assistance' },
    });
    const t = (await created.json()) as { ticket_number: string };
    await page.goto(`/tickets/${t.ticket_number}/conversation`);
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await page.getByLabel('Email or username').fill('employee1');
    await page.getByLabel('Password').fill('Switchboard!2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(new RegExp(`/employee/tickets/${t.ticket_number}$`));
    await expect(page.getByRole('heading', { name: `Deep link ${run}` })).toBeVisible();

    // a portal page asked for while signed out also comes back after sign-in; the live ticket page is left first,
    // so that none of its own requests answers 401 after the sign-out and sends it to sign-in on its own
    await page.goto('about:blank');
    await page.context().clearCookies();
    await page.goto(`/employee/tickets/${t.ticket_number}`);
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await page.getByLabel('Email or username').fill('employee1');
    await page.getByLabel('Password').fill('Switchboard!2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(new RegExp(`/employee/tickets/${t.ticket_number}$`));
  });

  test('a staff reply box keeps its draft across a reload until it is sent', async ({ browser, request }) => {
    const t = await routedTicket(request, `Draft kept ${run}`);
    const agent = await as(browser, t.agent);
    await agent.goto(`/agent/tasks/${t.taskId}`);
    const box = agent.getByTestId('conversation-comments-public').getByRole('textbox', { name: 'Reply to the requester' });
    const draft = `Half-written answer ${run}`;
    await box.fill(draft);
    await agent.reload();
    const again = agent.getByTestId('conversation-comments-public').getByRole('textbox', { name: 'Reply to the requester' });
    await expect(again).toHaveValue(draft);
    await agent.getByTestId('conversation-comments-public').getByRole('button', { name: 'Post' }).click();
    await expect(agent.getByTestId('conversation-comments-public').getByText(draft)).toBeVisible();
    await expect(again).toHaveValue('');
    await agent.reload();
    await expect(
      agent.getByTestId('conversation-comments-public').getByRole('textbox', { name: 'Reply to the requester' }),
    ).toHaveValue('');
  });

  test('two staff on one ticket see each other, the requester sees a public reply being typed, and a stale status change asks', async ({
    browser,
    request,
  }) => {
    const subject = `Shared drive full ${run}`;
    const t = await routedTicket(request, subject);
    const casey = await as(browser, 'coordinator1');
    const jordan = await as(browser, 'coordinator2');
    const employee = await as(browser, 'employee1');
    const url = `/coordinator/tickets/${t.ticket_number}`;
    await casey.goto(url);
    await jordan.goto(url);
    await employee.goto(`/employee/tickets/${t.ticket_number}`);
    await expect(employee.locator('section[aria-labelledby="comments"]')).toHaveAttribute('data-live', 'joined', {
      timeout: 20_000,
    });

    // each sees the other on the ticket
    await expect(casey.getByTestId('ticket-presence')).toContainText('Jordan Lee', { timeout: 20_000 });
    await expect(casey.getByTestId('ticket-presence')).toContainText('viewing');
    await expect(jordan.getByTestId('ticket-presence')).toContainText('Casey Reyes');

    // an internal note being written shows to staff only
    await jordan.getByLabel('Add a note or reply').pressSequentially('Checking the quota', { delay: 20 });
    await expect(casey.getByTestId('ticket-presence')).toContainText('Jordan Lee is replying…');
    await expect(employee.getByTestId('typing')).toHaveText('');
    await expect(casey.getByTestId('ticket-presence')).not.toContainText('replying', { timeout: 15_000 });

    // a public reply being written shows to the requester too
    await jordan.getByLabel('Internal note (hidden from the requester)').uncheck();
    await jordan.getByLabel('Add a note or reply').pressSequentially(' for you', { delay: 20 });
    await expect(employee.getByTestId('typing')).toHaveText('Jordan Lee is replying…');

    // Casey changes the status; Jordan, who opened the ticket before, is asked instead of overwriting
    const coordinatorToken = await token(request, 'coordinator1');
    const status = async () =>
      (
        await (
          await request.get(`/hdts/api/tickets/${t.id}/`, { headers: { Authorization: `Bearer ${coordinatorToken}` } })
        ).json()
      ).status as string;
    // a change Jordan may choose both before and after Casey's (his page refreshes live)
    const target = (await status()) === 'Open' ? 'In Progress' : 'Open';
    await casey.getByLabel('Change status').selectOption('On Hold');
    await casey.getByRole('button', { name: 'Update status' }).click();
    await expect(casey.getByText('Status changed to On Hold')).toBeVisible();
    await jordan.getByLabel('Change status').selectOption(target);
    await jordan.getByRole('button', { name: 'Update status' }).click();
    const conflict = jordan.getByTestId('conflict');
    await expect(conflict).toContainText('This ticket changed since you opened it.');
    expect(await status()).toBe('On Hold');
    await conflict.getByRole('button', { name: 'Reload' }).click();
    await expect(jordan.locator('dl').getByText('On Hold', { exact: true }).filter({ visible: true })).toBeVisible();
    await jordan.getByLabel('Change status').selectOption(target);
    await jordan.getByRole('button', { name: 'Update status' }).click();
    await expect(jordan.getByText(`Status changed to ${target}`)).toBeVisible();
    // the half-written reply survived the reload
    await expect(jordan.getByLabel('Add a note or reply')).toHaveValue('Checking the quota for you');
  });
  test('approving a ticket the requester edited since it was opened asks first, and can go ahead anyway', async ({
    browser,
    request,
  }) => {
    const employeeToken = await token(request, 'employee1');
    const created = await request.post('/hdts/api/tickets/', {
      headers: { Authorization: `Bearer ${employeeToken}` },
      data: {
        subject: `VPN drops ${run}`,
        description: 'Every hour',
        category: 'IT Support',
        sub_category: 'Technical Assistance',
      },
    });
    expect(created.status()).toBe(201);
    const t = (await created.json()) as { id: number; ticket_number: string };
    const casey = await as(browser, 'coordinator1');
    await casey.goto(`/coordinator/tickets/${t.ticket_number}`);
    await expect(casey.getByRole('heading', { name: `VPN drops ${run}` })).toBeVisible();
    // the requester corrects the ticket while the coordinator reads it
    const edited = await request.patch(`/hdts/api/tickets/${t.id}/`, {
      headers: { Authorization: `Bearer ${employeeToken}` },
      data: { subject: `VPN drops every hour ${run}` },
    });
    expect(edited.status()).toBe(200);
    await casey.getByRole('button', { name: 'Approve' }).click();
    const dialog = casey.getByRole('dialog', { name: 'Approve ticket' });
    await dialog.getByLabel('Priority').selectOption('High');
    await dialog.getByLabel('Department').selectOption('IT Department');
    await dialog.getByRole('button', { name: 'Approve' }).click();
    const conflict = dialog.getByTestId('conflict');
    await expect(conflict).toContainText('This ticket changed since you opened it.');
    const coordinatorToken = await token(request, 'coordinator1');
    const read = async () =>
      (await (
        await request.get(`/hdts/api/tickets/${t.id}/`, { headers: { Authorization: `Bearer ${coordinatorToken}` } })
      ).json()) as {
        status: string;
      };
    expect((await read()).status).toBe('New');
    await conflict.getByRole('button', { name: 'Go ahead anyway' }).click();
    await expect(conflict).toBeHidden();
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await expect(casey.getByText('Ticket approved')).toBeVisible();
    await expect.poll(async () => (await read()).status).toBe('Open');
  });

  test("a coordinator's public reply that mentions a colleague shows the colleague's name on the employee's page, live and after a reload", async ({
    browser,
    request,
  }) => {
    const subject = `Badge reader offline ${run}`;
    const t = await routedTicket(request, subject);
    const casey = await as(browser, 'coordinator1');
    const employee = await as(browser, 'employee1');
    await employee.goto(`/employee/tickets/${t.ticket_number}`);
    const thread = employee.locator('section[aria-labelledby="comments"]');
    await expect(thread).toHaveAttribute('data-live', 'joined', { timeout: 20_000 });

    await casey.goto(`/coordinator/tickets/${t.ticket_number}`);
    await casey.getByLabel('Internal note (hidden from the requester)').uncheck();
    const reply = `Thanks for reporting. @coordinator2 will call you back ${run}`;
    await casey.getByLabel('Add a note or reply').fill(reply);
    await casey.getByRole('button', { name: 'Post comment' }).click();
    // the coordinator's own page names the colleague
    const own = casey.locator('section[aria-labelledby="comments"] li').filter({ hasText: `will call you back ${run}` });
    await expect(own.getByTestId('mention')).toHaveText('@Jordan Lee');

    // live, on the employee's page: the name, never the login
    const entry = thread.locator('li').filter({ hasText: `will call you back ${run}` });
    await expect(entry.getByTestId('mention')).toHaveText('@Jordan Lee');
    await expect(entry).not.toContainText('@coordinator2');
    // and after a reload, from the page data
    await employee.reload();
    await expect(entry.getByTestId('mention')).toHaveText('@Jordan Lee');
    await expect(entry).not.toContainText('@coordinator2');
    await casey.context().close();
    await employee.context().close();
  });
});
