// Calendar sync end to end in Chromium (SPEC C9): a platform's iCal feed (served from 127.0.0.1 by
// this test, Airbnb's shape) added to a property on the Synchronisation page → the stays appear on
// the planning in the platform's colour → the health shows the success and the history the imports →
// a stay added on the platform and "synchroniser maintenant" → the open planning shows it (live) →
// the export link, and its Airbnb variant that does not echo Airbnb's own stays.
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

const compact = (iso: string) => iso.replaceAll('-', '');

/** An Airbnb-shaped feed of `stays` ([uid, arrival, departure, summary]). */
function airbnbFeed(stays: [string, string, string, string][]) {
  const events = stays.map(([uid, arrival, departure, summary]) => [
    'BEGIN:VEVENT', `DTEND;VALUE=DATE:${compact(departure)}`, `DTSTART;VALUE=DATE:${compact(arrival)}`,
    `UID:${uid}@airbnb.com`, 'DESCRIPTION:Reservation URL: https://www.airbnb.com/hosting/reservations/details/HMTEST\\nPhone Number (Last 4 Digits): 4821',
    `SUMMARY:${summary}`, 'END:VEVENT',
  ].join('\r\n'));
  return ['BEGIN:VCALENDAR', 'PRODID;X-RICAL-TZSOURCE=TZINFO:-//Airbnb Inc//Hosting Calendar 0.8.8//EN', 'CALSCALE:GREGORIAN',
    'VERSION:2.0', ...events, 'END:VCALENDAR', ''].join('\r\n');
}

test.describe('calendar sync', () => {
  test('a platform feed on a property → planning → health → sync now → export', async ({ page, context }) => {
    let feed = airbnbFeed([
      ['stay-1', day(3), day(7), 'Reserved'],
      ['block-1', day(15), day(18), 'Airbnb (Not available)'],
    ]);
    let failing = false;
    const server = http.createServer((_, response) => {
      if (failing) {
        response.writeHead(500, { 'content-type': 'text/html' });
        response.end('<html><body>Internal error</body></html>');
        return;
      }
      response.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' });
      response.end(feed);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/calendar/ical/42.ics?s=secret`;
    try {
      await logIn(page);
      const property = await api(page, 'create_property', { form: {
        name: 'Le Vieux Moulin', address: '2 route du Moulin, 24200 Sarlat', capacity: '4', owner_id: '',
        pricing: 'fixed', rate_plan_id: '', fixed_price: '120', tourist_tax_id: '', security_deposit: '300',
        description: 'Moulin restauré au bord de l’eau.', registration_number: '',
        classification: 'unclassified', principal_residence: false, public_listing: false } });

      await open(page, '/synchronisation');
      await expect(page.getByTestId('no-feeds')).toBeVisible();
      const form = page.getByTestId('add-feed');
      await form.getByLabel('Logement').selectOption(property);
      await expect(form.getByLabel('Statut des séjours importés')).toHaveValue(
        (await api(page, 'list_statuses', {})).find((s: { status: { name: string } }) => s.status.name === 'AirBnb').status.id);
      await form.getByLabel('Lien iCal de la plateforme').fill('airbnb.fr/calendrier');
      await form.getByRole('button', { name: 'Ajouter et synchroniser' }).click();
      await expect(form.getByText('Adresse de calendrier invalide')).toBeVisible();
      await form.getByLabel('Lien iCal de la plateforme').fill(url);
      await form.getByRole('button', { name: 'Ajouter et synchroniser' }).click();
      await expect(page.getByText('Calendrier ajouté. Synchronisé : 2 événements, 2 modifications sur le planning.')).toBeVisible();
      const row = page.getByTestId('feed-row').filter({ hasText: 'Le Vieux Moulin · Airbnb' });
      await expect(row.getByTestId('feed-state')).toHaveText('À jour');
      await expect(row.getByTestId('last-success')).not.toHaveText('jamais');
      await row.getByRole('button', { name: 'Historique (Le Vieux Moulin · Airbnb)' }).click();
      await expect(page.getByTestId('feed-history')).toContainText(`Séjour importé du ${day(3).split('-').reverse().join('/')}`);
      // Its settings: checked every 30 minutes from now on.
      await row.getByRole('button', { name: 'Modifier le calendrier (Le Vieux Moulin · Airbnb)' }).click();
      await expect(page.getByRole('heading', { name: 'Modifier le calendrier' })).toBeVisible();
      await expect(form.getByLabel('Lien iCal de la plateforme')).toHaveValue(url);
      await form.getByLabel('Vérifier toutes les (minutes)').fill('2');
      await form.getByRole('button', { name: 'Enregistrer' }).click();
      await expect(form.getByText('Indiquez un nombre entre 5 et 1440.')).toBeVisible();
      await form.getByLabel('Vérifier toutes les (minutes)').fill('30');
      await form.getByRole('button', { name: 'Enregistrer' }).click();
      await expect(page.getByText('Réglages du calendrier enregistrés.')).toBeVisible();
      await audit(page, 'sync');
      await screenshot(page, 'sync');

      // The planning shows the stay in Airbnb's colour and the block as unavailable.
      const planning = await context.newPage();
      await open(planning, '/');
      // Earlier screens may have left the planning on another month.
      await planning.getByRole('button', { name: 'Aujourd\'hui' }).click();
      const moulin = planning.locator(`.planning-row[data-property="${property}"]`);
      const stay = moulin.locator(`.bar[data-arrival="${day(3)}"]`);
      await expect(stay).toHaveAttribute('data-status', 'AirBnb');
      await expect(stay).toHaveCSS('background-color', 'rgb(225, 29, 72)');
      await expect(stay).toContainText('Airbnb');
      await expect(moulin.locator(`.bar[data-arrival="${day(15)}"]`)).toHaveAttribute('data-status', 'Indisponible');

      // A new stay on Airbnb; "synchroniser maintenant" → the open planning shows it.
      feed = airbnbFeed([
        ['stay-1', day(3), day(7), 'Reserved'],
        ['stay-2', day(9), day(12), 'Reserved'],
        ['block-1', day(15), day(18), 'Airbnb (Not available)'],
      ]);
      const started = Date.now();
      await row.getByRole('button', { name: 'Synchroniser maintenant (Le Vieux Moulin · Airbnb)' }).click();
      await expect(moulin.locator(`.bar[data-arrival="${day(9)}"]`)).toBeVisible();
      console.log(`sync now → planning: ${Date.now() - started} ms`);
      await expect(page.getByText('Synchronisé : 3 événements, 1 modification sur le planning.')).toBeVisible();

      // The export link, and its Airbnb variant without Airbnb's own stays.
      const link = page.getByTestId('export-link').filter({ hasText: 'Le Vieux Moulin' });
      await link.getByRole('button', { name: 'Afficher le lien (Le Vieux Moulin)' }).click();
      const address = link.getByTestId('export-url');
      await expect(address).toHaveValue(/\/ical\/[A-Za-z0-9_-]{43}\.ics$/);
      const calendar = await (await page.request.get(await address.inputValue())).text();
      expect(calendar.match(/BEGIN:VEVENT/g)?.length).toBe(3);
      await link.getByLabel('Lien pour').selectOption('airbnb');
      await expect(address).toHaveValue(/\.ics\?exclure=airbnb$/);
      const forAirbnb = await (await page.request.get(await address.inputValue())).text();
      expect(forAirbnb).not.toContain('BEGIN:VEVENT');
      await screenshot(page, 'sync-export');

      const oldAddress = (await address.inputValue()).replace(/\?.*$/, '');

      // The platform fails: nothing changes, the state says why in French, the navigation counts it.
      failing = true;
      await row.getByRole('button', { name: 'Synchroniser maintenant (Le Vieux Moulin · Airbnb)' }).click();
      await expect(page.getByRole('alert').getByText('La plateforme a répondu par une erreur (500).')).toBeVisible();
      await expect(row.getByTestId('feed-state')).toContainText('1 échec');
      await expect(moulin.locator(`.bar[data-arrival="${day(9)}"]`)).toBeVisible();
      await open(page, '/synchronisation');
      await expect(page.getByTestId('sync-alerts')).toHaveText('1 calendrier à vérifier');
      failing = false;

      // The property's page: its feed's state, its export link renewed (the old one then answers 404).
      await open(page, `/logements/${property}`);
      const calendars = page.getByTestId('property-calendars');
      await expect(calendars).toContainText('Airbnb');
      await expect(calendars).toContainText('1 échec');
      await calendars.getByRole('button', { name: 'Afficher le lien (Le Vieux Moulin)' }).click();
      await expect(calendars.getByTestId('export-url')).toHaveValue(oldAddress);
      await calendars.getByRole('button', { name: 'Renouveler le lien (Le Vieux Moulin)' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Renouveler' }).click();
      await expect(calendars.getByText('Nouveau lien créé ; l\'ancien ne fonctionne plus.')).toBeVisible();
      await expect(calendars.getByTestId('export-url')).not.toHaveValue(oldAddress);
      expect((await page.request.get(oldAddress)).status()).toBe(404);
      expect((await page.request.get(await calendars.getByTestId('export-url').inputValue())).status()).toBe(200);
      await audit(page, 'property calendars');
    } finally {
      server.close();
    }
  });
});
