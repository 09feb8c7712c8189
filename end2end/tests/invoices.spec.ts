// Invoices end to end in Chromium (SPEC C7): the billing settings filled from the seed's example
// mentions; a booking's invoice opened from the booking form, edited, issued, paid — the booking turns
// "Payé" — corrected by a credit note; its PDF downloaded and read back with pdftotext.
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

function french(iso: string) {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

test.describe('invoices', () => {
  test('the billing settings take the example mentions of a legal form', async ({ page }) => {
    await logIn(page);
    await open(page, '/parametres/facturation');
    await page.locator('#legal-form').selectOption('auto_entrepreneur');
    await page.getByTestId('apply-example').click();
    await expect(page.locator('#field-conditions')).toHaveValue(/TVA non applicable ou exonérée, article 293 B du CGI\./);
    await page.locator('#field-manager_address').fill('12 quai du Lac\n74000 Annecy');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText('Réglages enregistrés.')).toBeVisible();
    await audit(page, 'billing settings');
    await screenshot(page, 'billing-settings');
  });

  test('booking → invoice → issue → payment → "Payé" → credit note, and the PDF', async ({ page }) => {
    await logIn(page);
    const property = await api(page, 'create_property', { form: {
      name: 'Le Moulin', address: '1 route du Moulin, 24200 Sarlat', capacity: '6', owner_id: '',
      pricing: 'fixed', rate_plan_id: '', fixed_price: '120', tourist_tax_id: '', security_deposit: '0',
      description: '', registration_number: '', classification: 'unclassified', principal_residence: false,
      public_listing: false } });
    const statuses = await api(page, 'list_statuses', {});
    const arrival = day(2);
    const departure = day(5);
    const booking = await api(page, 'save_booking', { id: null, version: 0, form: {
      stay: { property, arrival, departure, adults: '2', children: '', others: '', discount: '',
              forfait: '', platform: '', options: '' },
      status: statuses[1].status.id,
      customer: { id: '', name: 'Claire Martin', address: '8 rue Pasteur\n69003 Lyon', emails: 'claire@exemple.fr', phones: '' },
      options: [], deposit: '', origin: '', notes: '', contract_message: '', force: true } });

    // From the booking form, "Facture" opens the pre-filled draft.
    await open(page, '/');
    await page.locator(`.bar[data-booking="${booking.id}"]`).click();
    await page.getByTestId('booking-invoice').click();
    await page.waitForURL(/\/factures\/[0-9a-f-]+$/);
    await expect(page.getByTestId('invoice-title')).toHaveText('Facture (brouillon)');
    await expect(page.locator('#field-customer_name')).toHaveValue('Claire Martin');
    await expect(page.locator('#line-0-designation')).toHaveValue(`Nuits du ${french(arrival)} au ${french(departure)}`);
    await expect(page.getByTestId('invoice-totals')).toContainText('360,00');

    // Edit: an advance, a cleaning line typed in; the totals follow as you type.
    await page.locator('#field-advance').fill('100');
    await page.getByTestId('add-line').click();
    await page.locator('#line-1-designation').fill('Ménage de fin de séjour');
    await page.locator('#line-1-unit_price').fill('douze');
    await page.getByTestId('invoice-save').click();
    await expect(page.locator('#line-1-unit_price-error')).toBeVisible();
    await page.locator('#line-1-unit_price').fill('45');
    await expect(page.getByTestId('invoice-totals')).toContainText('405,00');
    await expect(page.getByTestId('invoice-issue')).toBeDisabled();
    await page.getByTestId('invoice-save').click();
    await expect(page.getByText('Brouillon enregistré.')).toBeVisible();
    await audit(page, 'invoice draft');
    await screenshot(page, 'invoice-draft');

    // The booking took the invoice's amounts.
    const edited = await api(page, 'get_booking', { id: booking.id });
    expect(edited.price).toBe('405.00');
    expect(edited.form.deposit).toBe('100,00');

    // Issue, after the confirmation.
    await page.getByTestId('invoice-issue').click();
    await page.getByTestId('invoice-confirm').click();
    await expect(page.getByTestId('invoice-title')).toHaveText(/^Facture n° \d{4}-\d{4}$/);
    const number = (await page.getByTestId('invoice-title').textContent())!.replace('Facture n° ', '');
    await expect(page.getByText(/ne peut plus être modifiée/)).toBeVisible();

    // The date alone pays what remains; the booking turns "Payé".
    await page.locator('#field-date').fill(day(0));
    await page.getByTestId('payment-record').click();
    await expect(page.getByTestId('fully-paid')).toBeVisible();
    await expect(page.locator('table.payments')).toContainText('305,00');
    const paid = await api(page, 'get_booking', { id: booking.id });
    expect(paid.form.status).toBe(statuses[4].status.id);
    await audit(page, 'invoice issued');
    await screenshot(page, 'invoice-issued');

    // The PDF, downloaded and read back.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('invoice-download').click()]);
    expect(download.suggestedFilename()).toBe(`Facture ${number}.pdf`);
    const text = execFileSync('pdftotext', ['-layout', (await download.path())!, '-']).toString()
      .replace(/[\u202f\u00a0]/g, ' ').replace(/\s+/g, ' ');
    for (const expected of [`Facture n° ${number}`, 'Claire Martin', '8 rue Pasteur', 'Ménage de fin de séjour',
      '405,00 €', 'Arrhes versées 100,00 €', 'Reste à payer 0,00 €', 'TVA non applicable ou exonérée, article 293 B du CGI.']) {
      expect(text, expected).toContain(expected);
    }

    // A credit note for the cleaning only.
    await page.getByTestId('invoice-credit').click();
    await expect(page.getByTestId('invoice-title')).toHaveText('Avoir (brouillon)');
    await page.getByRole('button', { name: 'Supprimer la ligne (1)' }).click();
    await page.getByTestId('invoice-save').click();
    await expect(page.getByText('Brouillon enregistré.')).toBeVisible();
    await page.getByTestId('invoice-issue').click();
    await page.getByTestId('invoice-confirm').click();
    await expect(page.getByTestId('invoice-title')).toHaveText(/^Avoir n° \d{4}-\d{4}$/);

    // The table lists both, the credit note counted negatively.
    await open(page, '/factures');
    await expect(page.locator('table.invoices')).toContainText(number);
    await expect(page.locator('table.invoices tr.credit')).toContainText('-45,00');
    await audit(page, 'invoice table');
    await screenshot(page, 'invoices');
  });
});
