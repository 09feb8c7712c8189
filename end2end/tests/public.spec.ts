// Public booking end to end in Chromium (SPEC C10): the manager finds the lines to paste on
// Paramètres › Site web → a plain HTML page served by this test on another origin (localhost, not
// 127.0.0.1: a real cross-site iframe) embeds the booking search with the one-line script → the guest
// searches, sees the price and its breakdown, sends a request (a refused field first) → the
// confirmation → the booking appears live on the open planning as an "Option" → the embedded
// calendar shows those nights taken. Also measures what the public page transfers.
import { test, expect, type Page } from '@playwright/test';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { audit, logIn, open, screenshot } from './helpers';

async function api(page: Page, endpoint: string, data: unknown) {
  const response = await page.request.post(`/api/${endpoint}`, { data });
  expect(response.ok(), `${endpoint}: ${await response.text()}`).toBeTruthy();
  return response.json();
}

function day(offset: number) {
  const today = new Date();
  const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

test.describe('public booking', () => {
  test('embedded search → request → live on the planning → calendar taken', async ({ page, context, browser, baseURL }) => {
    await logIn(page);
    const property = await api(page, 'create_property', { form: {
      name: 'Les Hirondelles', address: '5 place du Marché, 24200 Sarlat', capacity: '4', owner_id: '',
      pricing: 'fixed', rate_plan_id: '', fixed_price: '110', tourist_tax_id: '', security_deposit: '300',
      description: 'Maison de ville.', registration_number: '', classification: 'unclassified',
      principal_residence: false, public_listing: true } });

    await open(page, '/parametres/site-web');
    const searchUrl = await page.getByLabel('Recherche de séjour (tous les logements publiés)').inputValue();
    expect(searchUrl).toMatch(/\/public\/[A-Za-z0-9_-]{43}\/recherche$/);
    const scriptLine = await page.locator('#search-script').inputValue();
    expect(scriptLine).toContain('/embed.js');
    const calendar = page.getByTestId('calendar-address').filter({ hasText: 'Les Hirondelles' });
    const calendarUrl = await calendar.getByLabel('Calendrier').inputValue();
    await audit(page, 'public-site-settings');
    await screenshot(page, 'public-site-settings');

    // The owner's own website, on another origin.
    const site = http.createServer((_, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Gîtes du Lac</title></head>
        <body><h1>Gîtes du Lac</h1><section id="booking">${scriptLine.replace(searchUrl, `${searchUrl}?couleur=c0392b`)}</section>
        <section id="calendar"><script src="${baseURL}/embed.js" data-saison="${calendarUrl}?mois=2" async></script></section></body></html>`);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const siteUrl = `http://localhost:${(site.address() as AddressInfo).port}/`;
    try {
      const planning = await context.newPage();
      await open(planning, '/');
      await planning.getByRole('button', { name: 'Aujourd\'hui' }).click();

      const guest = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
      await guest.goto(siteUrl);
      const frame = guest.frameLocator('#booking iframe');
      await expect(frame.getByRole('heading', { name: 'Rechercher un séjour' })).toBeVisible();
      // The script sized the frame to its page.
      await expect.poll(async () => (await guest.locator('#booking iframe').boundingBox())?.height ?? 0).not.toBe(640);
      const [arrival, departure] = [day(20), day(23)];
      await frame.getByLabel('Arrivée').fill(arrival);
      await frame.getByLabel('Départ').fill(departure);
      await frame.getByLabel('Adultes').fill('2');
      await frame.getByRole('button', { name: 'Rechercher' }).click();
      const offer = frame.getByTestId('offer').filter({ hasText: 'Les Hirondelles' });
      await expect(offer.getByTestId('offer-total')).toHaveText(/330,00/);
      await offer.getByText('Voir le détail').click();
      await expect(offer.locator('.quote-lines')).toBeVisible();
      await guest.screenshot({ path: 'test-results/screenshots/public-search-embedded.png', fullPage: true });
      await offer.getByRole('link', { name: 'Demander à réserver' }).click();

      await expect(frame.getByRole('heading', { name: 'Votre demande — Les Hirondelles' })).toBeVisible();
      await frame.getByLabel('Nom et prénom').fill('Paul Girard');
      await frame.getByLabel('Email').fill('paul.girard@exemple.fr');
      await frame.getByLabel('Téléphone').fill('06 98 76 54 32');
      await frame.getByLabel('Message au propriétaire').fill('Arrivée vers 19 h.');
      await frame.getByRole('button', { name: 'Envoyer la demande' }).click();
      await expect(frame.getByText('Cochez cette case pour accepter les conditions de location.')).toBeVisible();
      await expect(frame.getByLabel('Nom et prénom')).toHaveValue('Paul Girard');
      await frame.getByLabel("J'ai lu et j'accepte les conditions de location").check();
      await frame.getByRole('button', { name: 'Envoyer la demande' }).click();
      await expect(frame.getByRole('heading', { name: 'Demande envoyée' })).toBeVisible();
      await expect(frame.getByTestId('done-total')).toHaveText(/330,00/);

      // Live on the open planning, as an Option.
      const row = planning.locator(`.planning-row[data-property="${property}"]`);
      const bar = row.locator(`.bar[data-arrival="${arrival}"]`);
      await expect(bar).toHaveAttribute('data-status', 'Option');
      await expect(bar).toContainText('Paul Girard');

      // The embedded calendar (reloaded) shows those nights taken, the arrival day half.
      await guest.reload();
      const cal = guest.frameLocator('#calendar iframe');
      await expect(cal.locator(`td[data-date="${day(21)}"]`)).toHaveClass(/taken/);
      await expect(cal.locator(`td[data-date="${arrival}"]`)).toHaveClass(/depart/);
      await expect(cal.locator(`td[data-date="${departure}"]`)).toHaveClass(/arrive/);

      // The public pages alone: audited, and what they transfer (no WebAssembly).
      const alone = await guest.context().newPage();
      await alone.goto(`${searchUrl}?arrivee=${day(40)}&depart=${day(43)}&adultes=2`);
      await audit(alone, 'public-search');
      const weight = await alone.evaluate(() => {
        const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return {
          scripts: entries.filter((e) => /\.(js|wasm)(\?|$)/.test(e.name)).reduce((sum, e) => sum + e.transferSize, 0),
          document: nav.transferSize,
          interactive: Math.round(nav.domInteractive),
        };
      });
      console.log(`public search page: document ${weight.document} B transferred, JS+WASM ${weight.scripts} B, interactive at ${weight.interactive} ms`);
      expect(weight.scripts).toBe(0);
      await alone.goto(calendarUrl);
      await audit(alone, 'public-calendar');
      await screenshot(alone, 'public-calendar');
    } finally {
      site.close();
    }
  });
});
