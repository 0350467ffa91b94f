import { expect, test } from './fixtures';
import { PASSWORD, signIn, signOut } from './helpers';

const LANDING: [string, string][] = [
  ['admin@example.com', '/admin'],
  ['coordinator1@example.com', '/coordinator'],
  ['coordinator2@example.com', '/coordinator'],
  ...[1, 2, 3, 4, 5, 6].map((n) => [`agent${n}@example.com`, '/agent'] as [string, string]),
  ['employee1@example.com', '/employee'],
  ['employee2@example.com', '/employee'],
];

test.describe('sign-in', () => {
  for (const [email, path] of LANDING) {
    test(`${email} lands on ${path}`, async ({ page }) => {
      await signIn(page, email);
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    });
  }

  test('a wrong password shows an error and stays on the login page', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email or username').fill('employee1@example.com');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Invalid' })).toHaveText(/Invalid email\/username or password/);
    await expect(page).toHaveURL(/\/login/);
  });

  test('logout returns to the login page and protects the portal again', async ({ page }) => {
    await signIn(page, 'employee2@example.com', PASSWORD);
    await signOut(page);
    await page.goto('/employee');
    await expect(page).toHaveURL(/\/login/);
  });

  test('an employee cannot open the admin portal', async ({ page }) => {
    await signIn(page, 'employee1@example.com');
    const res = await page.goto('/admin');
    expect(res?.status()).toBe(404);
    // the branded page, with a way back to the employee's own portal
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Go to my home page' }).click();
    await expect(page).toHaveURL(/\/employee$/);
  });
});

test.describe('API conventions on the real server', () => {
  test('paths work with and without the trailing slash; unknown paths and wrong methods get the error format', async ({
    request,
  }) => {
    for (const path of ['/auth/token/', '/auth/token']) {
      const res = await request.post(path, { data: { username: 'admin', password: PASSWORD } });
      expect(res.status()).toBe(200);
    }
    const unknown = await request.get('/hdts/api/no-such-thing/');
    expect(unknown.status()).toBe(404);
    expect(await unknown.json()).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
    const wrong = await request.get('/auth/token/');
    expect(wrong.status()).toBe(405);
    expect(await wrong.json()).toMatchObject({ status: 'error', code: 'METHOD_NOT_ALLOWED' });
  });

  test('the OpenAPI document lists the auth endpoints and /api/docs/ renders', async ({ request, page }) => {
    const doc = await (await request.get('/api/schema/')).json();
    expect(doc.paths['/auth/token/'].post.requestBody).toBeTruthy();
    expect(doc.paths['/auth/api/v1/users/'].get).toBeTruthy();
    await page.goto('/api/docs/');
    await expect(page.getByText('/auth/token/').first()).toBeVisible();
  });

  test("each service's /docs/ and /redoc show that service's part of the document", async ({ request, page }) => {
    const tts = await (await request.get('/tts/schema/')).json();
    expect(Object.keys(tts.paths).every((p) => p.startsWith('/tts/'))).toBe(true);
    expect(tts.paths['/tts/tasks/{id}/'].patch).toBeTruthy();
    await page.goto('/tts/docs/');
    await expect(page.getByText('/tts/tasks/{id}/').first()).toBeVisible();
    await expect(page.getByText('/auth/token/')).toHaveCount(0);
    await page.goto('/notifications/redoc');
    await expect(page.getByText('/notifications/api/notifications/').first()).toBeVisible();
  });
});
