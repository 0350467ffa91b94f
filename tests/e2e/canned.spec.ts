import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { as, assignee, token } from './helpers';

const run = Date.now().toString(36);

/** employee1 (Emma Wilson) submits, coordinator1 approves (IT Department): the demo workflow assigns an agent. */
async function routedTicket(request: APIRequestContext, subject: string) {
  const employee = await token(request, 'employee1');
  const created = await request.post('/hdts/api/tickets/', {
    headers: { Authorization: `Bearer ${employee}` },
    data: { subject, description: 'Saved replies e2e', category: 'IT Support', sub_category: 'Technical Assistance' },
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

test('an agent saves a reply, inserts it with placeholders filled, @mentions a colleague by name; the colleague is notified', async ({
  browser,
  request,
}) => {
  const subject = `Printer jams ${run}`;
  const t = await routedTicket(request, subject);
  const agent = await as(browser, t.agent);

  // the agent's saved replies: empty at first, then one with placeholders
  await agent.goto('/agent/saved-replies');
  await expect(agent.getByText('No saved replies yet')).toBeVisible();
  const title = `Greeting ${run}`;
  await agent.getByRole('button', { name: 'New saved reply' }).click();
  const dialog = agent.getByRole('dialog', { name: 'New saved reply' });
  await dialog.getByLabel('Title').fill(title);
  // an unknown placeholder is refused next to the field
  await dialog.getByLabel('Text').fill('Hi {{requester.nickname}}');
  await dialog.getByRole('button', { name: 'Add saved reply' }).click();
  await expect(dialog.getByText(/Unknown placeholder \{\{requester\.nickname\}\}/)).toBeVisible();
  await dialog
    .getByLabel('Text')
    .fill('Hi {{requester.first_name}}, about {{ticket.number}} ({{ticket.subject}}). — {{agent.name}}');
  await dialog.getByRole('button', { name: 'Add saved reply' }).click();
  await expect(dialog).toBeHidden();
  await expect(agent.getByTestId('saved-reply').filter({ hasText: title })).toBeVisible();

  // insert it into the reply to the requester, from the keyboard
  await agent.goto(`/agent/tasks/${t.taskId}`);
  await expect(agent.getByRole('heading', { name: subject })).toBeVisible();
  const panel = agent.getByTestId('conversation-comments-public');
  const box = panel.getByRole('textbox', { name: 'Reply to the requester' });
  await panel.getByRole('button', { name: 'Insert saved reply' }).click();
  const picker = agent.getByRole('dialog', { name: 'Insert a saved reply' });
  const search = picker.getByRole('combobox', { name: 'Search saved replies' });
  await expect(picker.getByRole('option', { name: new RegExp(title) })).toBeVisible();
  await search.fill(run);
  await expect(picker.getByRole('option', { name: new RegExp(title) })).toHaveAttribute('aria-selected', 'true');
  await search.press('Enter');
  await expect(picker).toBeHidden();
  await expect(box).toHaveValue(new RegExp(`^Hi Emma, about ${t.ticket_number} \\(${subject}\\)\\. — \\S+`));
  expect(await box.inputValue()).not.toContain('{{');

  // @mention a colleague by name from the suggestions (keyboard: ↓ and Enter)
  await box.press('End');
  await box.pressSequentially(' @Casey');
  const people = agent.getByRole('listbox', { name: 'People to mention' });
  await expect(people.getByRole('option', { name: /Casey Reyes/ })).toBeVisible();
  await expect(box).toHaveAttribute('aria-activedescendant', /.+/);
  await box.press('Enter');
  await expect(people).toBeHidden();
  await expect(box).toHaveValue(/ @coordinator1 $/);
  await box.pressSequentially('can you confirm?');

  const coordinator = await as(browser, 'coordinator1');
  await panel.getByRole('button', { name: 'Post' }).click();
  // the thread shows the colleague's name, not their login
  const entry = panel.getByTestId('conversation-item').filter({ hasText: 'can you confirm?' });
  await expect(entry.getByTestId('mention')).toHaveText('@Casey Reyes');
  await expect(entry).not.toContainText('@coordinator1');
  await expect(entry).toContainText(`Hi Emma, about ${t.ticket_number}`);

  // the colleague receives the mention
  await expect(async () => {
    await coordinator.reload();
    await coordinator.getByTestId('notification-bell').click();
    await expect(coordinator.getByRole('menuitem', { name: new RegExp(`mentioned you on ${t.ticket_number}`) })).toBeVisible({
      timeout: 3000,
    });
  }).toPass({ timeout: 30_000 });
  await agent.context().close();
  await coordinator.context().close();
});
