// Shared steps: wait for hydration, keep a screenshot of each screen, audit accessibility with axe-core.
import { expect, type ConsoleMessage, type Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';

const shots = path.join(__dirname, '..', 'test-results', 'screenshots');

/** The administrator the journey creates at setup. */
export const ADMIN = { email: 'marie@gites-du-lac.fr', password: 'un mot de passe solide' };

/** Logs in as the admin through the login page and waits for the planning. */
export async function logIn(page: Page) {
  await open(page, '/connexion');
  await page.locator('#field-email').fill(ADMIN.email);
  await page.locator('#field-password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await hydrated(page);
}

/** Clicks before hydration are lost: wait until the app marks the page interactive. */
export async function hydrated(page: Page) {
  await page.waitForSelector('body[data-hydrated="true"]');
}

/**
 * Opens `url`, waits for hydration, and fails if hydration failed (an inert page whose forms would
 * submit natively). It caught a real defect: resources created twice during server rendering (see
 * `AppLayout` in app/src/pages/layout.rs).
 */
export async function open(page: Page, url: string) {
  let failure: string | undefined;
  const watch = (message: ConsoleMessage) => {
    if (message.type() === 'error' && /hydration error|Unrecoverable hydration/.test(message.text())) failure = message.text();
  };
  page.on('console', watch);
  await page.goto(url);
  await hydrated(page);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  page.off('console', watch);
  expect(failure, `${url} hydrates`).toBeUndefined();
}

/** Keeps a full-page screenshot of the current screen (a CI artifact). */
export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

/** Fails on any serious or critical accessibility violation found by axe-core. */
export async function audit(page: Page, screen: string) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: { id: string; impact: string; help: string; nodes: { target: string[] }[] }) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations, `accessibility of ${screen}`).toEqual([]);
}

/** The message shown under a form field. */
export function fieldError(page: Page, field: string) {
  return page.locator(`#field-${field}-error`);
}
