// Contracts end to end in Chromium (SPEC C6): the contract settings with a scanned signature sent by
// the plain upload form; booking → contract → a block edited and saved → the PDF downloaded and read
// back with pdftotext → regenerated from the booking after a confirmation.
import { test, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
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

const SIGNATURE = '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20"><path d="M0 15 Q 15 0 30 15 T 60 10" stroke="black" fill="none"/></svg>';

test.describe('contracts', () => {
  test('the contract settings and the scanned signature', async ({ page }) => {
    await logIn(page);
    await open(page, '/parametres/contrat');
    await page.locator('#field-balance_terms').fill('à régler au plus tard 30 jours avant l\'arrivée');
    await page.locator('#field-special_conditions').fill('Les animaux ne sont pas admis.');
    await page.getByRole('button', { name: 'Enregistrer' }).first().click();
    await expect(page.getByText('Réglages du contrat enregistrés.')).toBeVisible();

    await page.locator('#image-signature').setInputFiles({ name: 'signature.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(SIGNATURE) });
    await page.locator('#image-signature').locator('xpath=..').getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(/image=saved/);
    await expect(page.getByText('Image enregistrée.')).toBeVisible();
    await expect(page.locator('.image-setting').nth(1)).toContainText('SVG');
    await audit(page, 'contract settings');
    await screenshot(page, 'contract-settings');
  });

  test('booking → contract → edit a block → PDF → regenerate', async ({ page }) => {
    await logIn(page);
    const property = await api(page, 'create_property', { form: {
      name: 'La Grange', address: '5 chemin des Prés, 74000 Annecy', capacity: '5', owner_id: '',
      pricing: 'fixed', rate_plan_id: '', fixed_price: '150', tourist_tax_id: '', security_deposit: '400',
      description: 'Grange rénovée : deux chambres, cuisine équipée, jardin clos.', registration_number: '',
      classification: 'unclassified', principal_residence: false, public_listing: false } });
    const statuses = await api(page, 'list_statuses', {});
    const booking = await api(page, 'save_booking', { id: null, version: 0, form: {
      stay: { property, arrival: day(10), departure: day(14), adults: '2', children: '2', others: '', discount: '',
              forfait: '', platform: '', options: '' },
      status: statuses[2].status.id,
      customer: { id: '', name: 'Sophie Bernard', address: '3 avenue Foch\n75016 Paris', emails: 'sophie@exemple.fr', phones: '' },
      options: [], deposit: '180', origin: '', notes: '', contract_message: 'Arrivée vers 18 h.', force: true } });

    await open(page, '/');
    await page.locator(`.bar[data-booking="${booking.id}"]`).click();
    await page.getByTestId('booking-contract').click();
    await page.waitForURL(/\/reservations\/[0-9a-f-]+\/contrat$/);
    const blocks = page.getByTestId('contract-block');
    await expect(blocks.first()).toHaveValue(/Sophie Bernard, demeurant 3 avenue Foch, 75016 Paris/);
    await expect(page.getByLabel('Conditions particulières', { exact: true })).toHaveValue(/Prix du séjour : 600,00 €/);
    await expect(page.getByLabel('Conditions particulières', { exact: true })).toHaveValue(/Arrhes à verser à la signature du contrat : 180,00 €/);
    await expect(page.getByLabel('Conditions particulières', { exact: true })).toHaveValue(/Dépôt de garantie : 400,00 €/);

    await blocks.first().fill('Entre les Gîtes du Lac et Sophie Bernard — clause relue avec la cliente.');
    await page.getByTestId('contract-save').click();
    await expect(page.getByText('Contrat enregistré.')).toBeVisible();
    await audit(page, 'contract');
    await screenshot(page, 'contract');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('contract-download').click()]);
    const text = execFileSync('pdftotext', ['-layout', (await download.path())!, '-']).toString()
      .replace(/[\u202f\u00a0]/g, ' ').replace(/\s+/g, ' ');
    for (const expected of ['Contrat de location saisonnière', 'clause relue avec la cliente', 'Prix du séjour : 600,00 €',
      'Arrivée vers 18 h.', 'Les animaux ne sont pas admis.', 'État descriptif — La Grange', 'Grange rénovée']) {
      expect(text, expected).toContain(expected);
    }

    await page.getByTestId('contract-regenerate').click();
    await page.getByTestId('contract-regenerate-confirm').click();
    await expect(page.getByText('Contrat regénéré à partir de la réservation.')).toBeVisible();
    await expect(blocks.first()).toHaveValue(/Sophie Bernard, demeurant/);
  });
});
