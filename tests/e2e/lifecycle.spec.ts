import { expect, test } from './fixtures';
import { act, as, assignee, signIn, token } from './helpers';

/**
 * Issue 5: the whole life of a ticket through the real UI, with the help desk and the workflow engine
 * talking only through pg-boss messages. The seeded "IT Support Workflow" routes it:
 * Triage (Support Agent) → Resolution (Specialist) → Verification (Approver), with a reject loop.
 * The admin token is used only to read who the current assignee is.
 */
const run = Date.now().toString(36);
const SUBJECT = `Cannot sign in to e-mail ${run}`;

test.describe
  .serial('ticket lifecycle across help desk and workflow engine', () => {
    let number = '';
    let ownerUsername = '';

    test('employee submits, coordinator approves, the right agent sees the task, the owner sees it with its SLA', async ({
      page,
      browser,
      request,
    }) => {
      await signIn(page, 'employee2@example.com');
      await page.goto('/employee/tickets/new');
      await page.getByLabel('Subject').fill(SUBJECT);
      await page.getByLabel('Category', { exact: true }).selectOption('IT Support');
      await page.getByLabel('Sub-category').selectOption('Email/Account Access Issue');
      await page.getByLabel('Description').fill('Outlook keeps asking for my password.');
      await page.getByRole('button', { name: 'Submit ticket' }).click();
      const shown = page.getByTestId('new-ticket-number');
      await expect(shown).toHaveText(/^TX\d{14}$/);
      number = (await shown.textContent()) ?? '';

      const coordinator = await as(browser, 'coordinator1@example.com');
      await coordinator.goto('/coordinator/triage');
      const row = coordinator.locator(`tr[data-ticket="${number}"]`);
      await row.getByRole('button', { name: 'Approve' }).click();
      const dialog = coordinator.getByRole('dialog', { name: 'Approve ticket' });
      await dialog.getByLabel('Priority').selectOption('High');
      await dialog.getByLabel('Department').selectOption('IT Department');
      await dialog.getByRole('button', { name: 'Approve' }).click();
      await expect(row).toHaveCount(0);
      await coordinator.context().close();

      // Within seconds the workflow engine has a task; its assignee is a Support Agent and sees it in My tasks.
      const admin = await token(request, 'admin');
      const { username, taskId } = await assignee(request, admin, number);
      expect(['agent1', 'agent2']).toContain(username);
      const agent = await as(browser, username);
      await agent.goto('/agent/tasks');
      await expect(agent.getByText(number).first()).toBeVisible();
      await agent.context().close();

      // The owning coordinator sees it in owned tickets, with the SLA in words, and is named as the owner.
      const task = await (await request.get(`/tts/tasks/${taskId}/`, { headers: { Authorization: `Bearer ${admin}` } })).json();
      const ownerUser = await (
        await request.get(`/auth/api/v1/users/${task.owner_id}/`, { headers: { Authorization: `Bearer ${admin}` } })
      ).json();
      ownerUsername = ownerUser.username;
      const owner = await as(browser, ownerUsername);
      await owner.goto(`/coordinator/owned?search=${number}`);
      const owned = owner.getByRole('row', { name: new RegExp(number) });
      await expect(owned).toContainText('Triage');
      await expect(owned).toContainText(/On track|Due soon/);
      await owner.getByRole('link', { name: number }).click();
      await expect(owner.getByText(`${ownerUser.first_name} ${ownerUser.last_name}`).first()).toBeVisible();
      await owner.context().close();

      // The help desk learned the owner from the update_ticket_owner message.
      await page.goto(`/employee/tickets/${number}`);
      await expect(page.getByText(`${ownerUser.first_name} ${ownerUser.last_name}`).first()).toBeVisible();
    });

    test('agents move it through every step including the reject loop; the employee sees In Progress, then Resolved', async ({
      page,
      browser,
      request,
    }) => {
      // A long journey: agents sign in and act step after step (about 30 s on an idle machine); the budget is for
      // a machine loaded several times over, as CI beside other work is. Every step waits for a state, not for time.
      test.setTimeout(240_000);
      const admin = await token(request, 'admin');
      await act(browser, request, admin, number, SUBJECT, /^submit/, 'Reset the password, needs a mailbox check');

      await signIn(page, 'employee2@example.com');
      await expect(async () => {
        await page.goto(`/employee/tickets/${number}`);
        // the current step of the progress tracker (which always lists "In Progress" among its steps)
        await expect(page.getByRole('list', { name: 'Ticket progress' }).locator('[aria-current="step"]')).toContainText(
          'In Progress',
          { timeout: 1000 },
        );
      }).toPass({ timeout: 15_000 });

      await act(browser, request, admin, number, SUBJECT, /^reject/, 'Which device shows the prompt?');
      await act(browser, request, admin, number, SUBJECT, /^submit/, 'Device: work laptop');
      await act(browser, request, admin, number, SUBJECT, /^resolve/, 'Re-created the Outlook profile');
      await act(browser, request, admin, number, SUBJECT, /^Finalize/, 'User confirmed it works');

      await expect(async () => {
        await page.goto(`/employee/tickets/${number}`);
        await expect(page.getByRole('button', { name: 'Close ticket' })).toBeVisible({ timeout: 1000 });
      }).toPass({ timeout: 15_000 });
    });

    test('the employee closes and rates it; the coordinator sees the rating and the workflow log shows every step', async ({
      page,
      browser,
      request,
    }) => {
      await signIn(page, 'employee2@example.com');
      await page.goto(`/employee/tickets/${number}`);
      await page.getByRole('button', { name: 'Close ticket' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Close ticket' }).click();
      await expect(page.getByText('Ticket closed')).toBeVisible();
      // closing opens the rating dialog
      const rate = page.getByRole('dialog', { name: 'How did we do?' });
      await expect(rate).toBeVisible();
      await rate.getByLabel('5 stars').check({ force: true });
      await rate.getByLabel('Feedback (optional)').fill(`Great help ${run}`);
      await rate.getByRole('button', { name: 'Submit rating' }).click();
      await expect(page.getByText('Thank you for your feedback')).toBeVisible();

      const coordinator = await as(browser, 'coordinator1@example.com');
      await coordinator.goto('/coordinator/feedback');
      await expect(coordinator.getByRole('row', { name: new RegExp(number) })).toContainText(`Great help ${run}`);

      await coordinator.context().close();
      const admin = await token(request, 'admin');
      const logs = await (
        await request.get(`/tts/tasks/logs/?ticket_number=${number}`, { headers: { Authorization: `Bearer ${admin}` } })
      ).json();
      const steps = JSON.stringify(logs);
      for (const s of ['Triage', 'Resolution', 'Verification', 'Which device shows the prompt?', 'User confirmed it works'])
        expect(steps).toContain(s);

      // The owner's ticket page merges the help-desk details with the workflow log of every step.
      const owner = await as(browser, ownerUsername);
      await owner.goto(`/coordinator/owned?tab=inactive&search=${number}`);
      await owner.getByRole('link', { name: number }).click();
      await expect(owner.getByRole('heading', { name: 'Workflow log' })).toBeVisible();
      for (const note of ['Which device shows the prompt?', 'Device: work laptop', 'User confirmed it works']) {
        await expect(owner.getByText(note).first()).toBeVisible();
      }
    });
  });
