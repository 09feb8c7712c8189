// Service providers end to end in Chromium (SPEC C11): the manager adds a provider on "Prestataires"
// serving one property, writes a note for providers on a booking in the booking form, opens the
// provider's secret link in a fresh browser context (no session) → the arrival, the departure and
// the note are there, the price, the guest and the other property are not; renewing the link makes
// the old address answer 404. Both screens pass the accessibility audit.
import { test, expect, type Page } from '@playwright/test';
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

async function property(page: Page, name: string) {
  return api(page, 'create_property', { form: {
    name, address: '5 chemin des Prés, 74000 Annecy', capacity: '4', owner_id: '',
    pricing: 'fixed', rate_plan_id: '', fixed_price: '137', tourist_tax_id: '', security_deposit: '0',
    description: 'Maison au bord du lac.', registration_number: '',
    classification: 'unclassified', principal_residence: false, public_listing: false } });
}

test.describe('service providers', () => {
  test('provider added → note on a booking → secret link shows it and nothing else → renewed → 404', async ({ page, browser }) => {
    await logIn(page);
    // Names of their own: other screens' tests make properties too.
    const served = await property(page, 'La Grange aux Prestataires');
    const other = await property(page, 'Le Pavillon Voisin');
    const statuses = await api(page, 'list_statuses', {});
    const paid = statuses.find((s: { status: { name: string } }) => s.status.name === 'Payé').status.id;
    const booking = (stay: string, arrival: string, departure: string, name: string) => api(page, 'save_booking', {
      id: null, version: 0, form: {
        stay: { property: stay, arrival, departure, adults: '2', children: '1', others: '', discount: '',
          forfait: '', platform: '', options: '' },
        status: paid,
        customer: { id: '', name, address: '9 rue Cachée, Lyon', emails: 'invite.secret@exemple.fr', phones: '06 11 22 33 44' },
        options: [], deposit: '', origin: '', notes: 'Note privée du gérant', contract_message: '', force: true } });
    const saved = await booking(served, day(2), day(5), 'Hortense Confidentielle');
    await booking(other, day(3), day(4), 'Victor Voisin');

    // The provider, serving one property.
    await open(page, '/prestataires');
    await expect(page.getByRole('heading', { level: 1, name: 'Prestataires' })).toBeVisible();
    const form = page.getByTestId('provider-form');
    await form.getByRole('button', { name: 'Ajouter le prestataire' }).click();
    await expect(page.locator('#field-name-error')).toHaveText('Ce champ est obligatoire.');
    await form.locator('#field-name').fill('Ménage Éclair');
    await form.locator('#field-kind').selectOption('cleaning');
    await form.locator('#field-email').fill('eclair@exemple.fr');
    await form.locator('#field-phone').fill('07 12 34 56 78');
    await form.getByLabel('La Grange aux Prestataires').check();
    await form.getByRole('button', { name: 'Ajouter le prestataire' }).click();
    await expect(page.getByText('Prestataire ajouté.', { exact: false })).toBeVisible();
    const row = page.getByTestId('provider-row').filter({ hasText: 'Ménage Éclair' });
    await expect(row).toContainText('La Grange aux Prestataires');
    await expect(row).not.toContainText('Le Pavillon Voisin');
    await row.getByRole('button', { name: 'Liens secrets de Ménage Éclair' }).click();
    await expect(page.getByTestId('provider-page-url')).toHaveValue(/^http:\/\/[^/]+\/prestataire\/[A-Za-z0-9_-]{43}$/);
    const pageUrl = await page.getByTestId('provider-page-url').inputValue();
    expect(await page.getByTestId('provider-ics-url').inputValue()).toBe(`${pageUrl}.ics`);
    await screenshot(page, '70-providers');
    await audit(page, 'providers');

    // The note for providers, written in the booking form.
    await open(page, `/?reservation=${saved.id}&mois=${day(2).slice(0, 7)}`);
    const drawer = page.getByRole('dialog', { name: 'Modifier la réservation' });
    await drawer.getByLabel('Note pour les prestataires').fill('Lit bébé à monter, clés chez la voisine');
    await drawer.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText('Réservation enregistrée.')).toBeVisible();

    // The secret link, as the provider opens it: no session at all.
    const outside = await browser.newContext();
    const provider = await outside.newPage();
    const response = await provider.goto(pageUrl);
    expect(response?.status()).toBe(200);
    await expect(provider.getByRole('heading', { level: 1, name: 'Planning de Ménage Éclair' })).toBeVisible();
    const tasks = provider.getByTestId('provider-task');
    await expect(tasks).toHaveCount(2);
    await expect(tasks.first()).toContainText('Arrivée');
    await expect(tasks.first()).toContainText('La Grange aux Prestataires');
    await expect(tasks.first()).toContainText('2 adultes, 1 enfant');
    await expect(tasks.last()).toContainText('Départ');
    await expect(provider.getByTestId('provider-note').first()).toHaveText(/Lit bébé à monter, clés chez la voisine/);
    const text = await provider.locator('body').innerText();
    for (const secret of ['137', '€', 'Hortense', 'Confidentielle', 'invite.secret', '06 11 22 33 44', 'Note privée', 'Pavillon', 'Victor']) {
      expect(text, `the provider must not see ${secret}`).not.toContain(secret);
    }
    await screenshot(provider, '71-provider-link');
    await audit(provider, 'provider secret link');

    // Renewed: the old address is gone, the new one works.
    await open(page, '/prestataires');
    await row.getByRole('button', { name: 'Liens secrets de Ménage Éclair' }).click();
    await page.getByTestId('provider-renew').click();
    await page.getByTestId('provider-renew-confirm').click();
    await expect(page.getByText('Nouveau lien créé : l\'ancien ne fonctionne plus.')).toBeVisible();
    const gone = await provider.goto(pageUrl);
    expect(gone?.status()).toBe(404);
    await expect(provider.getByText('Ce lien n\'existe pas ou a été renouvelé.', { exact: false })).toBeVisible();
    await page.getByTestId('provider-row').filter({ hasText: 'Ménage Éclair' })
      .getByRole('button', { name: 'Liens secrets de Ménage Éclair' }).click();
    await expect(page.getByTestId('provider-page-url')).not.toHaveValue(pageUrl);
    await expect(page.getByTestId('provider-page-url')).toHaveValue(/^http:\/\/[^/]+\/prestataire\/[A-Za-z0-9_-]{43}$/);
    const renewedUrl = await page.getByTestId('provider-page-url').inputValue();
    expect(renewedUrl).not.toBe(pageUrl);
    expect((await provider.goto(renewedUrl))?.status()).toBe(200);
    await outside.close();
  });
});
