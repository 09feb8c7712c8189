// Customers and booking statuses in the browser, in French (SPEC C3 statuses, C4 customers, C13
// customer export): a status is added, renamed and recoloured in the settings (a bad colour is
// explained next to its field) and the planning's legend shows it; a guest is found by email, their
// page shows their booking and saves their details; the year's customer list downloads as the CSV
// French Excel opens, with exactly the expected content. Runs after journey.spec.ts (the `setup`
// project in playwright.config.ts), on the installation it set up.
import { test, expect, type Page } from '@playwright/test';
import * as fs from 'node:fs';
import { audit, fieldError, logIn, open, screenshot } from './helpers';

/** Next year: the bookings below never show on the planning's opening months. */
const YEAR = new Date().getFullYear() + 1;

/** Calls a server function as the logged-in page would (same cookies); fails on an error answer. */
async function call(page: Page, endpoint: string, data: unknown) {
  const response = await page.request.post(`/api/${endpoint}`, { data });
  expect(response.status(), `${endpoint}: ${await response.text()}`).toBe(200);
  return response.json();
}

/** Saves a booking with a new guest, as the booking form would. */
async function book(page: Page, property: string, status: string, arrival: string, departure: string,
  guest: { name: string; address: string; emails: string; phones: string }) {
  await call(page, 'save_booking', {
    id: null, version: 0, form: {
      stay: { property, arrival, departure, adults: '2', children: '', others: '', discount: '', forfait: '',
        platform: '', options: '' },
      status, customer: { id: '', ...guest }, options: [], deposit: '', origin: '', notes: '',
      contract_message: '', force: true,
    },
  });
}

/** The property "Les Bruyères" (created the first time): the planning shows a legend once there is one. */
async function bruyeres(page: Page): Promise<string> {
  const list: { id: string; name: string }[] = await call(page, 'list_properties', {});
  const found = list.find((p) => p.name === 'Les Bruyères');
  if (found) return found.id;
  return call(page, 'create_property', { form: {
    name: 'Les Bruyères', address: '2 allée des Bruyères, 56340 Carnac', capacity: '4', owner_id: '',
    pricing: 'fixed', rate_plan_id: '', fixed_price: '80', tourist_tax_id: '', security_deposit: '',
    description: '', registration_number: '', classification: 'unclassified', principal_residence: false,
    public_listing: false,
  } });
}

test.describe.serial('clients et statuts', () => {
  test('a status is added, renamed and recoloured, and the planning shows it', async ({ page }) => {
    await logIn(page);
    await page.getByRole('link', { name: 'Paramètres', exact: true }).click();
    await page.getByRole('link', { name: 'Statuts des réservations' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Statuts des réservations' })).toBeVisible();
    await expect(page.getByTestId('status-count')).toHaveText('7 statuts sur 20 possibles.');
    await expect(page.locator('table.statuses tbody tr').first()).toContainText('Indisponible');

    await page.locator('#field-name').fill('Ménage prévu');
    await page.locator('#field-color').fill('#0f766e');
    await page.getByRole('button', { name: 'Ajouter le statut' }).click();
    await expect(page.getByText('Statut ajouté.')).toBeVisible();
    await expect(page.getByTestId('status-count')).toHaveText('8 statuts sur 20 possibles.');

    await page.getByRole('button', { name: 'Modifier « Ménage prévu »' }).click();
    await expect(page.getByRole('heading', { name: 'Modifier le statut « Ménage prévu »' })).toBeVisible();
    await page.locator('#field-name').fill('Ménage fait');
    await page.locator('#field-color').fill('vert');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(fieldError(page, 'color')).toHaveText('Indiquez une couleur au format #rrggbb (par exemple #1d4ed8).');
    await page.locator('#field-color').fill('#7C3AED');
    await expect(page.locator('#status-color-picker'), 'the picker follows the typed code').toHaveValue('#7c3aed');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText('Statut enregistré.')).toBeVisible();
    const renamed = page.locator('table.statuses tbody tr', { hasText: 'Ménage fait' });
    await expect(renamed).toContainText('#7c3aed');
    await expect(page.locator('table.statuses')).not.toContainText('Ménage prévu');
    await screenshot(page, '50-statuses');
    await audit(page, 'status settings');

    await bruyeres(page);
    await open(page, '/');
    await expect(page.locator('.legend')).toContainText('Ménage fait');

    // Unused, it can be deleted, after confirmation.
    await open(page, '/parametres/statuts');
    await page.getByRole('button', { name: 'Supprimer « Ménage fait »' }).click();
    await expect(page.getByRole('alertdialog')).toContainText('Supprimer le statut « Ménage fait » ?');
    await page.getByRole('button', { name: 'Supprimer le statut' }).click();
    await expect(page.getByText('Statut supprimé.')).toBeVisible();
    await expect(page.getByTestId('status-count')).toHaveText('7 statuts sur 20 possibles.');
  });

  test('a guest is found, their details saved, and the year’s list downloaded as CSV', async ({ page }) => {
    await logIn(page);
    const property = await bruyeres(page);
    const statuses: { status: { id: string; name: string } }[] = await call(page, 'list_statuses', {});
    const id = (name: string) => statuses.find((s) => s.status.name === name)?.status.id ?? '';
    await book(page, property, id('Payé'), `${YEAR}-02-10`, `${YEAR}-02-14`, {
      name: 'Camille Chevalier', address: '8 rue du Port, 56000 Vannes',
      emails: 'camille.chevalier@exemple.fr', phones: '06 11 22 33 44' });
    await book(page, property, id('Option'), `${YEAR}-03-01`, `${YEAR}-03-03`, {
      name: 'Paul Renard', address: '', emails: 'paul.renard@exemple.fr', phones: '' });

    await page.getByRole('link', { name: 'Clients', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
    await page.locator('#customer-search').fill('CHEVALIER@');
    const rows = page.locator('table.customers tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Camille Chevalier');
    await page.locator('#customer-search').fill('aucun-client-ainsi');
    await expect(page.getByText('Aucun client ne correspond à « aucun-client-ainsi ».')).toBeVisible();
    await page.locator('#customer-search').fill('chevalier');
    await page.getByRole('link', { name: 'Camille Chevalier' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Camille Chevalier' })).toBeVisible();
    const bookings = page.getByRole('region', { name: 'Réservations' });
    await expect(bookings).toContainText('Les Bruyères');
    await expect(bookings).toContainText('Payé');
    await expect(bookings).toContainText('320,00');
    await page.locator('#field-customer_phones').fill('06 98 76 54 32');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText('Coordonnées enregistrées.')).toBeVisible();
    await screenshot(page, '51-customer');
    await audit(page, 'customer page');
    // The stay opens the booking on the planning, on its month.
    await bookings.getByRole('link', { name: /10 févr/ }).click();
    const drawer = page.getByRole('dialog', { name: 'Modifier la réservation' });
    await expect(drawer.locator('#field-customer_name')).toHaveValue('Camille Chevalier');
    await expect(drawer.locator('#field-arrival')).toHaveValue(`${YEAR}-02-10`);
    await expect(page.locator('.window-title')).toContainText(`février ${YEAR}`);
    await page.goBack();

    await page.getByRole('link', { name: '← Tous les clients' }).click();
    await expect(page.locator('table.customers')).toContainText('Paul Renard');
    await page.locator('#export-year').selectOption(String(YEAR));
    await page.locator('#export-property').selectOption({ label: 'Les Bruyères' });
    await page.locator('#export-status').selectOption({ label: 'Payé' });
    await screenshot(page, '52-customers');
    await audit(page, 'customer list');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger en CSV (Excel)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`liste-des-clients-${YEAR}.csv`);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    expect(csv).toBe(
      '\ufeffNom;Adresse;Emails;Téléphones;Réservations;Première arrivée;Logements\r\n' +
      `Camille Chevalier;8 rue du Port, 56000 Vannes;camille.chevalier@exemple.fr;06 98 76 54 32;1;10/02/${YEAR};Les Bruyères\r\n`);
  });
});
