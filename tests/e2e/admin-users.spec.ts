import type { Page } from '@playwright/test';
import { expect, streamedContentSettled, test } from './fixtures';
import { PASSWORD, signIn, signOut } from './helpers';

const NEW_PASSWORD = 'Welcome-2026-e2e';

async function openUsers(page: Page, search?: string) {
  await page.goto(search ? `/admin/users?search=${encodeURIComponent(search)}` : '/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
}

test.describe('admin manages users', () => {
  test('create, assign roles, sign in as the new user, deactivate, sign-in fails', async ({ page }) => {
    const username = `e2e_${Date.now().toString(36)}`;
    const email = `${username}@example.test`;

    await signIn(page, 'admin@example.com');
    await openUsers(page);

    // Create: a field error first (short password), then success.
    await page.getByRole('button', { name: 'New user' }).click();
    const create = page.getByRole('dialog', { name: 'New user' });
    await create.getByLabel('Username').fill(username);
    await create.getByLabel('E-mail').fill(email);
    await create.getByLabel('First name').fill('Erin');
    await create.getByLabel('Last name').fill('Tester');
    await create.getByLabel('Password').fill('short');
    // The browser checks with the domain's schema: nothing is sent for a short password.
    const posts: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && r.url().includes('/auth/api/v1/users') && posts.push(r.url()));
    await create.getByRole('button', { name: 'Create user' }).click();
    await expect(create.getByText('Password must be at least 10 characters')).toBeVisible();
    await expect(create.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
    expect(posts).toHaveLength(0);
    // The message goes as soon as the field is fixed, before the next submit.
    await create.getByLabel('Password').fill(NEW_PASSWORD);
    await expect(create.getByText('Password must be at least 10 characters')).toBeHidden();
    await expect(create.getByLabel('Password')).not.toHaveAttribute('aria-invalid', 'true');
    // The API's own field error (a taken e-mail) sits under its field and goes once the field is changed.
    await create.getByLabel('E-mail').fill('admin@example.com');
    await create.getByRole('button', { name: 'Create user' }).click();
    await expect(create.getByText('A user with that email already exists.')).toBeVisible();
    await expect(create.getByLabel('E-mail')).toHaveAttribute('aria-invalid', 'true');
    await create.getByLabel('E-mail').fill(email);
    await expect(create.getByText('A user with that email already exists.')).toBeHidden();
    await create.getByRole('button', { name: 'Create user' }).click();
    await expect(create).toBeHidden();
    await expect(page.getByText(`Created ${username}`)).toBeVisible();

    // Search through the URL and find the new row.
    await page.getByRole('searchbox', { name: 'Search users' }).fill(username);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`search=${username}`));
    await streamedContentSettled(page); // the search form loads a new document
    const row = page.getByTestId(`user-row-${username}`);
    await expect(row).toBeVisible();
    await expect(row.getByText('Active', { exact: true })).toBeVisible();
    await expect(row.getByText('No roles')).toBeVisible();

    // Assign roles per system: HDTS Ticket Coordinator + Employee.
    await row.getByRole('button', { name: `Roles of ${username}` }).click();
    const roles = page.getByRole('dialog', { name: `Roles of ${username}` });
    const hdts = roles.getByRole('group', { name: 'Help desk (HDTS)' });
    await hdts.getByLabel('Ticket Coordinator').check();
    await hdts.getByLabel('Employee').check();
    await roles.getByRole('button', { name: 'Save roles' }).click();
    await expect(roles).toBeHidden();
    await expect(row.getByText('HDTS · Ticket Coordinator')).toBeVisible();
    await expect(row.getByText('HDTS · Employee')).toBeVisible();

    // The new user signs in and lands on the coordinator portal (their most privileged one).
    await signOut(page);
    await signIn(page, email, NEW_PASSWORD);
    await expect(page).toHaveURL(/\/coordinator$/);
    await signOut(page);

    // Admin deactivates them through the confirmation dialog.
    await signIn(page, 'admin@example.com');
    await openUsers(page, username);
    const again = page.getByTestId(`user-row-${username}`);
    await again.getByRole('button', { name: `Deactivate ${username}` }).click();
    const confirm = page.getByRole('alertdialog', { name: `Deactivate ${username}?` });
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: 'Deactivate' }).click();
    await expect(page.getByText(`${username} deactivated`)).toBeVisible();
    await expect(again.getByText('Inactive', { exact: true })).toBeVisible();
    await signOut(page);

    // Sign-in now fails with the generic message.
    await page.goto('/login');
    await page.getByLabel('Email or username').fill(email);
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Invalid' })).toHaveText(/Invalid email\/username or password/);
    await expect(page).toHaveURL(/\/login/);
  });

  test('edit dialog is keyboard usable and Escape closes it without changes', async ({ page }) => {
    await signIn(page, 'admin@example.com');
    await openUsers(page, 'employee2');
    const edit = page.getByRole('button', { name: 'Edit employee2' });
    await edit.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Edit employee2' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Username')).toHaveValue('employee2');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(edit).toBeFocused();
  });

  test('profile page: edit names and see a field error for a wrong current password', async ({ page }) => {
    await signIn(page, 'agent2@example.com');
    await page.goto('/profile');
    await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
    await page.getByLabel('Phone').fill('+1 555 0142');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.getByText('Profile saved')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Phone')).toHaveValue('+1 555 0142');
    await page.getByLabel('Current password').fill('not-my-password-1');
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Repeat new password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByText('Old password is incorrect').first()).toBeVisible();
    await page.getByRole('link', { name: 'Back to portal' }).click();
    await expect(page).toHaveURL(/\/agent$/);
  });

  test('profile redirects to the login page when signed out', async ({ page }) => {
    await page.goto('/profile');
    await expect(page).toHaveURL(/\/login/);
  });
});

test.describe('auth API on the real server', () => {
  const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());

  test('token claims match spec 000; refresh rotates; reuse revokes the family; logout revokes', async ({ request }) => {
    const res = await request.post('/auth/token/', { data: { username: 'admin@example.com', password: PASSWORD } });
    expect(res.status()).toBe(200);
    const first = await res.json();
    const claims = claimsOf(first.access);
    expect(claims).toMatchObject({
      user_id: expect.any(Number),
      email: 'admin@example.com',
      exp: expect.any(Number),
      iat: expect.any(Number),
    });
    expect(claims.exp - claims.iat).toBe(900);
    expect(claims.roles).toEqual(
      expect.arrayContaining([
        { system: 'hdts', role: 'Admin', system_role_id: expect.any(Number) },
        { system: 'tts', role: 'Admin', system_role_id: expect.any(Number) },
      ]),
    );

    const rotated = await request.post('/auth/token/refresh/', { data: { refresh: first.refresh } });
    expect(rotated.status()).toBe(200);
    const second = await rotated.json();
    expect(second.refresh).not.toBe(first.refresh);
    const reuse = await request.post('/auth/token/refresh/', { data: { refresh: first.refresh } });
    expect(reuse.status()).toBe(401);
    expect((await reuse.json()).code).toBe('TOKEN_REUSED');
    expect((await request.post('/auth/token/refresh/', { data: { refresh: second.refresh } })).status()).toBe(401);

    const login = await (
      await request.post('/auth/api/v1/users/token/', { data: { username: 'admin', password: PASSWORD } })
    ).json();
    expect(login.user).toMatchObject({ username: 'admin' });
    const out = await request.post('/auth/logout/', {
      headers: { Authorization: `Bearer ${login.access}` },
      data: { refresh: login.refresh },
    });
    expect(out.status()).toBe(200);
    expect((await request.post('/auth/token/refresh/', { data: { refresh: login.refresh } })).status()).toBe(401);
  });

  test('the sixth bad password is refused with the lock message (403) or 429', async ({ request }) => {
    const admin = await (await request.post('/auth/token/', { data: { username: 'admin', password: PASSWORD } })).json();
    const username = `lock_${Date.now().toString(36)}`;
    const created = await request.post('/auth/api/v1/users/', {
      headers: { Authorization: `Bearer ${admin.access}` },
      data: { username, email: `${username}@example.test`, password: NEW_PASSWORD },
    });
    expect(created.status()).toBe(201);
    for (let i = 0; i < 5; i++) {
      const r = await request.post('/auth/token/', { data: { username, password: 'wrong-password-1' } });
      expect([401, 403]).toContain(r.status());
    }
    const sixth = await request.post('/auth/token/', { data: { username, password: NEW_PASSWORD } });
    expect([403, 429]).toContain(sixth.status());
    const body = await sixth.json();
    if (sixth.status() === 403) {
      expect(body.code).toBe('ACCOUNT_LOCKED');
      expect(body.message).toMatch(/locked/i);
    } else {
      expect(body.code).toBe('RATE_LIMIT_EXCEEDED');
    }
  });
});
