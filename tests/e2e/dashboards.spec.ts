import { expect, test } from './fixtures';
import { as, signIn, token } from './helpers';

test.describe('coordinator home', () => {
  test('shows my tickets by SLA state, the queues and the CSAT chart from the demo data', async ({ page }) => {
    await signIn(page, 'coordinator1@example.com');
    await page.goto('/coordinator');
    const sla = page.getByRole('region', { name: 'My tickets by SLA' });
    for (const name of [/Breached/, /At risk/, /On track/]) await expect(sla.getByRole('link', { name })).toBeVisible();
    await expect(page.getByRole('link', { name: /Waiting for triage/ })).toContainText(/Oldest waiting 3 days/);
    await expect(page.getByRole('link', { name: /Resolved this week/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /CSAT of my tickets/ })).toContainText(/\d(\.\d)? \/ 5/);

    const chart = page.getByRole('region', { name: 'CSAT of my tickets per week' });
    await expect(chart.locator('svg.recharts-surface').first()).toBeVisible();
    await chart.getByText('Show the numbers as a table').click();
    const table = chart.getByRole('table', { name: 'Average CSAT rating per week' });
    await expect(table.locator('tbody tr')).toHaveCount(12);
  });

  test('each tile opens the filtered list behind it, with the same number', async ({ page }) => {
    await signIn(page, 'coordinator1@example.com');
    for (const [tile, heading] of [
      [/Breached/, 'Owned tickets'],
      [/At risk/, 'Owned tickets'],
      [/On track/, 'Owned tickets'],
      [/Resolved this week/, 'Owned tickets'],
    ] as const) {
      await page.goto('/coordinator');
      const link = page.getByRole('link', { name: tile }).first();
      const figure = Number((await link.locator('span').nth(1).textContent())?.trim());
      expect(figure).toBeGreaterThan(0);
      await link.click();
      await expect(page.getByRole('heading', { name: heading })).toBeVisible();
      await expect(page.locator('tbody tr')).toHaveCount(Math.min(figure, 10));
    }
    await page.goto('/coordinator');
    await page.getByRole('link', { name: /Waiting for triage/ }).click();
    await expect(page.getByRole('heading', { name: 'Triage' })).toBeVisible();
    await expect(page.getByText('Request a second monitor')).toBeVisible();

    await page.goto('/coordinator');
    await page.getByRole('link', { name: /CSAT of my tickets/ }).click();
    await expect(page.getByRole('heading', { name: 'CSAT feedback on my tickets' })).toBeVisible();
    await expect(page.getByText('Quick and friendly, thanks.').first()).toBeVisible();
  });
});

test.describe('agent dashboard', () => {
  test('lists my open work by due time and gains a task live when one is transferred to me', async ({ browser, request }) => {
    const agent = await as(browser, 'agent3');
    await agent.goto('/agent');
    await expect(agent.getByRole('heading', { name: 'My open work by due time' })).toBeVisible();
    await expect(agent.getByTestId('live-tasks')).toHaveAttribute('data-connected', 'true');
    const before = Number((await agent.getByTestId('open-count').textContent())?.match(/\d+/)?.[0]);

    // agent4 holds the demo tasks; an admin transfers one of them to agent3.
    const mine = await request.get('/tts/tasks/my-tasks/?tab=active&page_size=100', {
      headers: { Authorization: `Bearer ${await token(request, 'agent4')}` },
    });
    const item = (await mine.json()).results.find((r: { ticket_number: string }) => r.ticket_number === 'TX20260101900007');
    expect(item).toBeDefined();
    const users = await request.get('/auth/api/v1/users/?search=agent3', {
      headers: { Authorization: `Bearer ${await token(request, 'admin')}` },
    });
    const agent3 = (await users.json()).results.find((u: { username: string }) => u.username === 'agent3');
    const moved = await request.post('/tts/tasks/transfer/', {
      headers: { Authorization: `Bearer ${await token(request, 'admin')}` },
      data: { task_item_id: item.task_item_id, user_id: agent3.id, notes: 'Covering while agent4 is out' },
    });
    expect(moved.status()).toBe(200);

    await expect(agent.getByTestId('open-count')).toHaveText(`${before + 1} open task${before + 1 === 1 ? '' : 's'}`);
    await expect(agent.getByRole('link', { name: /TX20260101900007/ })).toBeVisible();
    await agent.context().close();
  });
});

test.describe('admin reports', () => {
  test('show charts from the demo data, the date range changes the figures, and the CSV downloads', async ({ page }) => {
    await signIn(page, 'admin@example.com');
    await page.goto('/admin');
    await expect(page.getByRole('heading', { name: 'Reports', exact: true })).toBeVisible();
    const chart = page.getByRole('region', { name: 'Created and resolved per day' });
    await expect(chart.locator('svg.recharts-surface').first()).toBeVisible();
    await chart.getByText('Show the numbers as a table').click();
    await expect(chart.getByRole('table').locator('tbody tr')).toHaveCount(30);
    const csat = page.getByRole('region', { name: /CSAT: \d+ ratings?/ });
    const wide = await csat.getByRole('heading').textContent();
    await expect(page.getByRole('region', { name: 'Workload per agent' })).toContainText('Morgan Diaz');

    // A one-day range long ago: no ratings, one row per day.
    await page.getByLabel('From', { exact: true }).fill('2024-01-01');
    await page.getByLabel('To', { exact: true }).fill('2024-01-03');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/from=2024-01-01/);
    await expect(page.getByRole('heading', { name: 'CSAT: 0 ratings' })).toBeVisible();
    expect(wide).not.toBe('CSAT: 0 ratings');
    const narrow = page.getByRole('region', { name: 'Created and resolved per day' });
    await narrow.getByText('Show the numbers as a table').click();
    await expect(narrow.getByRole('table').locator('tbody tr')).toHaveCount(3);

    // An inverted range is refused with a message.
    await page.goto('/admin?from=2024-02-01&to=2024-01-01');
    await expect(page.getByRole('alert').filter({ hasText: 'The end is before the start' })).toBeVisible();

    await page.goto('/admin');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^report-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await (await file.createReadStream()).toArray();
    expect(Buffer.concat(text).toString()).toContain('section,key,value,value2,value3');
  });
});

test.describe('all tasks and the audit log', () => {
  test('an admin filters all tasks, transfers one from its row, and the audit log shows who had it before and after', async ({
    page,
  }) => {
    await signIn(page, 'admin@example.com');
    await page.goto('/admin');
    await page.getByRole('link', { name: 'All tasks' }).click();
    await expect(page.getByRole('heading', { name: 'All tasks' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Tasks' }).locator('tbody tr').first()).toBeVisible();

    // The demo's breached High task (TX20260101900002), found by its number and its SLA state.
    await page.getByLabel('Search').fill('TX20260101900002');
    await page.getByLabel('SLA').selectOption('breached');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/sla=breached/);
    const row = page.getByTestId('task-row-TX20260101900002');
    await expect(page.getByRole('table', { name: 'Tasks' }).locator('tbody tr')).toHaveCount(1);
    const before = (await row.getByTestId('assignee').textContent())?.trim();

    await row.getByRole('button', { name: 'Transfer TX20260101900002' }).click();
    const dialog = page.getByRole('dialog', { name: 'Transfer TX20260101900002' });
    const select = dialog.getByLabel('Transfer to');
    const target = (await select.locator('option').nth(1).textContent())?.trim() ?? '';
    await select.selectOption({ index: 1 });
    await dialog.getByLabel('Transfer notes').fill('Rebalancing the queue');
    await dialog.getByRole('button', { name: 'Transfer', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(row.getByTestId('assignee')).toHaveText(target);
    expect(target).not.toBe(before);

    await page.getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
    await page.getByLabel('Action').fill('task_transferred');
    await page.getByRole('button', { name: 'Apply' }).click();
    const entry = page.getByRole('table', { name: 'Audit entries' }).locator('tbody tr').first();
    await expect(entry).toContainText('task_transferred');
    await expect(entry).toContainText('admin@example.com');
    const changes = entry.getByRole('table', { name: 'Values before and after' });
    await expect(changes.getByRole('row', { name: /user id/ }).first()).toBeVisible();
    await expect(changes).toContainText('Rebalancing the queue');
  });

  test('an inverted date range in the audit log is refused with a message', async ({ page }) => {
    await signIn(page, 'admin@example.com');
    await page.goto('/admin/audit?from=2026-02-01&to=2026-01-01');
    await expect(page.getByRole('alert').filter({ hasText: 'The end is before the start' })).toBeVisible();
  });
});

test.describe('admin report figures', () => {
  test('per step, per workflow and the CSAT trend have figures from the demo data; the workflow filter applies', async ({
    page,
  }) => {
    await signIn(page, 'admin@example.com');
    await page.goto('/admin');
    const time = page.getByRole('region', { name: 'Time spent per step' });
    await expect(time.locator('svg.recharts-surface').first()).toBeVisible();
    await time.getByText('Show the numbers as a table').click();
    await expect(time.getByRole('table')).toContainText('IT Support Workflow');
    await expect(page.getByRole('region', { name: 'SLA compliance by workflow' })).toContainText('IT Support Workflow');
    await expect(page.getByRole('region', { name: 'SLA compliance by step' }).locator('tbody tr').first()).toBeVisible();
    const trend = page.getByRole('region', { name: 'CSAT per week' });
    await expect(trend.locator('svg.recharts-surface').first()).toBeVisible();

    await page.getByLabel('Workflow', { exact: true }).selectOption({ label: 'IT Support Workflow' });
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/workflow_id=\d+/);
    await expect(page.getByText(/· IT Support Workflow/)).toBeVisible();

    const download = page.waitForEvent('download');
    await time.getByRole('link', { name: 'CSV of this figure' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^report-time_per_step-/);
    const text = Buffer.concat(await (await file.createReadStream()).toArray()).toString();
    expect(text.split('\n')[0]).toBe('section,key,value,value2,value3');
    expect(text).toContain('\ntime_per_step,IT Support Workflow / ');
  });
});
