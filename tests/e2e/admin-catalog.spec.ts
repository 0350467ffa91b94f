import { expect, test } from './fixtures';
import { signIn, token } from './helpers';

/** Issue 17 ("admins manage categories"): the help desk's catalog kept by an admin in the browser. */
test.describe('admin keeps the catalog', () => {
  test('adds a sub-category, which employees are then offered; retires it after confirming and offers it again', async ({
    page,
    request,
  }) => {
    const name = `Docking station ${Date.now().toString(36)}`;
    const offered = async () => {
      const t = await token(request, 'employee1');
      const res = await request.get('/hdts/api/catalog/', { headers: { Authorization: `Bearer ${t}` } });
      const it = (await res.json()).categories.find((c: { name: string }) => c.name === 'IT Support');
      return it.sub_categories as string[];
    };

    await signIn(page, 'admin@example.com');
    await page.getByRole('link', { name: 'Catalog' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Catalog' })).toBeVisible();
    const it = page.getByTestId('catalog-category-IT Support');
    await expect(it.getByText('Hardware Troubleshooting')).toBeVisible();

    // Add: an empty name is refused in the browser with the API's own message.
    await it.getByRole('button', { name: 'Add sub-category to IT Support' }).click();
    const dialog = page.getByRole('dialog', { name: 'New sub-category' });
    await dialog.getByRole('button', { name: 'Add' }).click();
    await expect(dialog.getByText('This field is required')).toBeVisible();
    await dialog.getByLabel('Name').fill('Hardware Troubleshooting');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await expect(dialog.getByText('IT Support has a sub-category "Hardware Troubleshooting" already')).toBeVisible();
    await dialog.getByLabel('Name').fill(name);
    await expect(dialog.getByText(/already/)).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Add' }).click();
    await expect(dialog).toBeHidden();
    const chip = page.getByTestId(`catalog-sub-${name}`);
    await expect(chip).toBeVisible();
    expect(await offered()).toContain(name);

    // Retire, after a confirmation that says what it does.
    await chip.getByRole('button', { name: `Retire ${name}` }).click();
    const confirm = page.getByRole('alertdialog', { name: `Retire the sub-category ${name}?` });
    await expect(confirm).toContainText('Tickets and articles filed under it keep it');
    await confirm.getByRole('button', { name: 'Retire' }).click();
    await expect(chip.getByRole('button', { name: `Offer ${name} again` })).toBeVisible();
    expect(await offered()).not.toContain(name);

    await chip.getByRole('button', { name: `Offer ${name} again` }).click();
    await expect(chip.getByRole('button', { name: `Retire ${name}` })).toBeVisible();
    expect(await offered()).toContain(name);
  });
});
