import { test as base, type Page } from '@playwright/test';

export { expect } from '@playwright/test';

/**
 * Next streams a page's Suspense content as a hidden `<div id="S:n">` that React moves into place. For about
 * 150–250 ms after a load both copies are in the DOM (the hidden one is never shown), and a strict locator
 * then sees two elements. Wait for the streamed segments to be gone before a test goes on.
 */
export async function streamedContentSettled(page: Page) {
  // a document still streaming may not have sent its hidden segment yet
  await page.waitForLoadState('load').catch(() => {});
  await page
    .waitForFunction(() => !document.querySelector('div[hidden][id^="S:"]'), undefined, { timeout: 5000 })
    .catch(() => {});
}

/** Every page's goto() and reload() (fixtures' and hand-made contexts' alike) wait for the streamed content. */
function waitForStreamingOnNavigation(page: Page) {
  const proto = Object.getPrototypeOf(page) as Record<string, unknown> & { __streamingWait?: boolean };
  if (proto.__streamingWait) return;
  proto.__streamingWait = true;
  for (const method of ['goto', 'reload']) {
    const original = proto[method] as (this: Page, ...args: unknown[]) => Promise<unknown>;
    proto[method] = async function (this: Page, ...args: unknown[]) {
      const response = await original.apply(this, args);
      await streamedContentSettled(this);
      return response;
    };
  }
}

export const test = base.extend<object, { streamingWait: undefined }>({
  streamingWait: [
    async ({ browser }, use) => {
      const context = await browser.newContext();
      waitForStreamingOnNavigation(await context.newPage());
      await context.close();
      await use(undefined);
    },
    { auto: true, scope: 'worker' },
  ],
});
