import { expect, test } from './fixtures';
import { signIn } from './helpers';

test.describe('admin manages workflow roles', () => {
  test('create the Reviewer role, add a member, rename, deactivate and reactivate; a role in use is refused', async ({
    page,
  }) => {
    const name = `Reviewer ${Date.now().toString(36)}`;
    await signIn(page, 'admin@example.com');
    await page.getByRole('link', { name: 'Workflow roles' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Workflow roles' })).toBeVisible();

    // Create: the browser checks the name with the API's own schema first.
    await page.getByRole('button', { name: 'New role' }).click();
    const create = page.getByRole('dialog', { name: 'New workflow role' });
    await create.getByRole('button', { name: 'Create role' }).click();
    await expect(create.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
    await create.getByLabel('Name').fill(name);
    await create.getByLabel('Description').fill('Reviews a resolution before the ticket closes');
    await create.getByRole('button', { name: 'Create role' }).click();
    await expect(create).toBeHidden();
    await expect(page.getByText('Role created')).toBeVisible();
    const row = page.getByTestId(`role-row-${name}`);
    await expect(row.getByText('Nobody')).toBeVisible();
    await expect(row.getByText('Active', { exact: true })).toBeVisible();

    // Members: add Sam Patel (agent1).
    await row.getByRole('button', { name: `Members of ${name}` }).click();
    const members = page.getByRole('dialog', { name: `Members of ${name}` });
    // Nobody chosen: the form's own check says so, and the message goes once a person is chosen.
    await members.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(members.getByText('Choose a person')).toBeVisible();
    await members.getByLabel('Add a person').selectOption({ label: 'Sam Patel (agent1)' });
    await expect(members.getByText('Choose a person')).toBeHidden();
    await members.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(members.getByRole('list', { name: 'Members' }).getByText('Sam Patel')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(members).toBeHidden();
    await expect(row.getByText('1 person')).toBeVisible();

    // Rename.
    await row.getByRole('button', { name: `Edit ${name}` }).click();
    const edit = page.getByRole('dialog', { name: `Edit ${name}` });
    await edit.getByLabel('Name').fill(`${name} team`);
    await edit.getByRole('button', { name: 'Save role' }).click();
    await expect(edit).toBeHidden();
    const renamed = page.getByTestId(`role-row-${name} team`);
    await expect(renamed).toBeVisible();

    // Deactivate with confirmation, then reactivate.
    await renamed.getByRole('button', { name: `Deactivate ${name} team` }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Deactivate' }).click();
    await expect(renamed.getByText('Deactivated')).toBeVisible();
    await renamed.getByRole('button', { name: `Reactivate ${name} team` }).click();
    await expect(renamed.getByText('Active', { exact: true })).toBeVisible();

    // A role a deployed demo workflow uses cannot be deactivated: the reason is shown, the role stays active.
    const used = page.getByTestId('role-row-Support Agent');
    await used.getByRole('button', { name: 'Deactivate Support Agent' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Deactivate' }).click();
    await expect(page.getByText(/Support Agent is used by \d+ steps? of/)).toBeVisible();
    await expect(used.getByText('Active', { exact: true })).toBeVisible();
  });
});
