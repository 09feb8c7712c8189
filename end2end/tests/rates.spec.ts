// Rate management in the browser, in French (SPEC C5): options and tourist tax, pricing settings, a
// rate plan, a season drawn by dragging on the year view, and a stay tried live — refused by the
// season's minimum stay with the reason, then accepted with its price and breakdown.
// Runs after journey.spec.ts, on the installation it set up.
import { test, expect } from '@playwright/test';
import { audit, fieldError, logIn, open, screenshot } from './helpers';

test.describe.serial('tarifs', () => {
  test('options, tourist tax and pricing settings', async ({ page }) => {
    await logIn(page);
    await page.getByRole('link', { name: 'Paramètres', exact: true }).click();
    await page.getByRole('link', { name: 'Options et taxes de séjour' }).click();
    await expect(page.getByRole('heading', { name: 'Options et taxes de séjour', level: 1 })).toBeVisible();

    await page.locator('#field-label').fill('Ménage de fin de séjour');
    await page.locator('#field-unit_price').fill('soixante');
    await page.getByRole('button', { name: "Ajouter l'option" }).click();
    await expect(fieldError(page, 'unit_price')).toHaveText('Indiquez un montant en euros, par exemple 95 ou 95,50.');
    await page.locator('#field-unit_price').fill('60');
    await page.getByRole('button', { name: "Ajouter l'option" }).click();
    await expect(page.getByText('Option enregistrée.')).toBeVisible();
    await expect(page.getByRole('row', { name: /Ménage de fin de séjour/ })).toContainText('60,00');

    await page.locator('#field-tax_name').fill('Taxe de séjour 5 %');
    await page.locator('#field-method').selectOption('percentage');
    await page.locator('#field-amount').fill('2,30');
    await page.locator('#field-rate').fill('5');
    await page.locator('#field-departmental_rate').fill('10');
    await page.getByRole('button', { name: 'Ajouter la taxe' }).click();
    await expect(page.getByText('Taxe de séjour enregistrée.')).toBeVisible();
    await expect(page.getByRole('row', { name: /Taxe de séjour 5 %/ })).toContainText('plafonné à 2,30');
    await screenshot(page, '20-catalogue');
    await audit(page, 'options and taxes');

    await open(page, '/parametres/tarification');
    await expect(page.getByRole('heading', { name: 'Tarification' })).toBeVisible();
    await page.getByRole('button', { name: 'Ajouter un seuil' }).click();
    await page.locator('input[name="from_nights_0"]').fill('150');
    await page.locator('input[name="percent_0"]').fill('10');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText('Indiquez un nombre entre 2 et 120.')).toBeVisible();
    await page.locator('input[name="from_nights_0"]').fill('3');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText('Paramètres de tarification enregistrés.')).toBeVisible();
    await page.reload();
    await expect(page.locator('input[name="percent_0"]')).toHaveValue('10');
    await screenshot(page, '21-pricing-settings');
    await audit(page, 'pricing settings');
  });

  test('a rate plan, a season drawn on the year, a stay tried live', async ({ page }) => {
    await logIn(page);
    await page.getByRole('link', { name: 'Tarifs', exact: true }).click();
    await page.getByRole('link', { name: 'Nouveau tarif' }).first().click();
    await page.locator('#field-name').fill('Gîte 4 personnes');
    await page.locator('#field-nightly').fill('100');
    await page.locator('#field-guests_included').fill('4');
    await page.locator('#field-tourist_tax_id').selectOption({ label: 'Taxe de séjour 5 %' });
    await page.getByLabel(/Ménage de fin de séjour/).check();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(/\/tarifs\/[0-9a-f-]{36}/);
    await expect(page.getByRole('heading', { name: 'Gîte 4 personnes', level: 1 })).toBeVisible();
    await expect(page.getByText('Tarif enregistré.')).toBeVisible();

    // Draw the "Pont de mai" 2027 by dragging from the 7th to the 10th of May.
    while ((await page.getByTestId('year').textContent()) !== '2027') {
      await page.getByRole('button', { name: 'Année suivante' }).click();
    }
    await page.locator('[data-date="2027-05-07"]').hover();
    await page.mouse.down();
    await page.locator('[data-date="2027-05-08"]').hover();
    await page.locator('[data-date="2027-05-10"]').hover();
    await page.mouse.up();
    await expect(page.getByRole('heading', { name: 'Nouvelle saison' })).toBeVisible();
    await expect(page.locator('#field-season_first_night')).toHaveValue('2027-05-07');
    await expect(page.locator('#field-season_last_night')).toHaveValue('2027-05-10');
    await page.locator('#field-season_name').fill('Pont de mai');
    await page.locator('#field-season_nightly').fill('150');
    await page.locator('#field-season_minimum_stay').fill('3');
    await page.getByRole('button', { name: 'Enregistrer' }).first().click();
    await expect(page.getByText('Saison enregistrée.')).toBeVisible();
    await expect(page.locator('[data-date="2027-05-08"]')).toHaveClass(/season-c0/);
    await expect(page.locator('[data-date="2027-05-11"]')).toHaveClass(/base/);

    // "une réservation du 07 au 10 sera acceptée, mais pas une réservation du 06 au 09."
    await page.locator('#field-arrival').fill('2027-05-06');
    await page.locator('#field-departure').fill('2027-05-09');
    await expect(page.getByText('Séjour minimum de 3 nuits sur la période « Pont de mai » : ce séjour n\'y compte que 2 nuits.')).toBeVisible();
    await page.locator('#field-arrival').fill('2027-05-07');
    await page.locator('#field-departure').fill('2027-05-10');
    await expect(page.getByText('Séjour conforme aux règles du tarif.')).toBeVisible();
    // 3 × 150 € − 10 % (3 nights and more) = 405 €; cleaning 60 €; tax 2,30 € (capped) + 10 % × 2 adults × 3 nights.
    await expect(page.getByTestId('quote-stay')).toHaveText('405,00 €');
    await expect(page.getByTestId('quote-tax')).toHaveText('15,18 €');
    await expect(page.getByTestId('quote-total')).toHaveText('480,18 €');
    await page.getByText('Voir le détail').click();
    await expect(page.getByText('Réduction séjour de 3 nuits et plus (10 %)')).toBeVisible();
    await screenshot(page, '22-rate-plan');
    await audit(page, 'rate plan');

    // A click on the season opens it; the table is the keyboard way.
    await page.locator('[data-date="2027-05-09"]').click();
    await expect(page.getByRole('heading', { name: 'Modifier la saison' })).toBeVisible();
    await expect(page.locator('#field-season_name')).toHaveValue('Pont de mai');
    await page.getByRole('button', { name: 'Annuler' }).click();
    await expect(page.getByRole('heading', { name: 'Modifier la saison' })).toHaveCount(0);
  });
});
