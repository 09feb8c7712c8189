// The foundation's user journey on an empty installation, in French: setup → properties (refused fields,
// create, edit, delete) → settings and account → logout → login (refused, then accepted) → English.
import { test, expect } from '@playwright/test';
import { ADMIN, audit, fieldError, hydrated, logIn, open, screenshot } from './helpers';

test.describe.serial('première utilisation', () => {
  test('setup creates the organisation after explaining refused fields', async ({ page }) => {
    await open(page, '/');
    await expect(page).toHaveURL(/\/configuration$/);
    await expect(page.getByRole('heading', { name: 'Bienvenue dans Saison' })).toBeVisible();
    await screenshot(page, '01-setup');
    await audit(page, 'setup');

    await page.locator('#field-organisation_name').fill('Gîtes du Lac');
    await page.locator('#field-admin_name').fill('Marie Martin');
    await page.locator('#field-email').fill(ADMIN.email);
    await page.locator('#field-password').fill('court');
    await page.locator('#field-password_confirmation').fill('autre');
    await page.getByRole('button', { name: "Créer l'organisation" }).click();
    await expect(fieldError(page, 'password')).toHaveText('10 caractères au minimum.');
    await expect(fieldError(page, 'password_confirmation')).toHaveText('Les deux mots de passe ne sont pas identiques.');
    await expect(page.locator('#field-password')).toHaveAttribute('aria-invalid', 'true');
    await screenshot(page, '02-setup-errors');

    await page.locator('#field-password').fill(ADMIN.password);
    await page.locator('#field-password_confirmation').fill(ADMIN.password);
    await page.getByRole('button', { name: "Créer l'organisation" }).click();
    await page.waitForURL(/\/logements$/);
    await hydrated(page);
    await expect(page.getByTestId('organisation-name')).toHaveText('Gîtes du Lac');
    await expect(page.getByText('Aucun logement. Ajoutez votre premier logement →')).toBeVisible();
    await screenshot(page, '03-properties-empty');
    await audit(page, 'property list (empty)');
  });

  test('a property is created, edited and deleted', async ({ page }) => {
    await logIn(page);

    await page.getByRole('link', { name: 'Logements', exact: true }).click();
    await page.getByRole('link', { name: 'Ajouter un logement' }).click();
    await expect(page.getByRole('heading', { name: 'Nouveau logement' })).toBeVisible();
    await page.locator('#field-name').fill('Gîte des Tilleuls');
    await page.locator('#field-address').fill('3 chemin des Tilleuls, 24200 Sarlat-la-Canéda');
    await page.locator('#field-capacity').fill('0');
    await page.locator('#field-fixed_price').fill('abc');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(fieldError(page, 'capacity')).toHaveText('Indiquez un nombre entre 1 et 50.');
    await expect(fieldError(page, 'fixed_price')).toHaveText('Indiquez un montant en euros, par exemple 95 ou 95,50.');
    await expect(page.getByRole('alert').filter({ hasText: 'Rien n\'a été enregistré.' })).toBeVisible();
    await screenshot(page, '04-property-form-errors');
    await audit(page, 'property form with errors');

    await page.locator('#field-capacity').fill('6');
    await expect(fieldError(page, 'capacity')).toHaveCount(0);
    await page.locator('#field-fixed_price').fill('95,50');
    await page.locator('#field-registration_number').fill('24520 00001234');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText('Logement ajouté.')).toBeVisible();
    const rows = page.locator('table.list tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Gîte des Tilleuls');
    await expect(rows.first()).toContainText(/Libre — 95,50\s€ \/ nuit/);
    await expect(rows.first()).toContainText('6 personnes');
    await screenshot(page, '05-properties-one');
    await audit(page, 'property list');

    await rows.first().getByRole('link', { name: 'Gîte des Tilleuls' }).click();
    await expect(page.getByRole('heading', { name: 'Modifier le logement' })).toBeVisible();
    await expect(page.locator('#field-fixed_price')).toHaveValue('95,50');
    await expect(page.locator('#field-registration_number')).toHaveValue('2452000001234');
    await screenshot(page, '06-property-edit');
    await audit(page, 'property edit');
    await page.locator('#field-name').fill('Gîte des Tilleuls rénové');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText('Logement enregistré.')).toBeVisible();
    await expect(rows.first()).toContainText('Gîte des Tilleuls rénové');

    await rows.first().getByRole('button', { name: 'Supprimer' }).click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('Supprimer « Gîte des Tilleuls rénové » ? Il n\'a aucune réservation.');
    await screenshot(page, '07-delete-confirmation');
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    await expect(rows).toHaveCount(1);
    await rows.first().getByRole('button', { name: 'Supprimer' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Supprimer définitivement' }).click();
    await expect(page.getByText('Logement supprimé.')).toBeVisible();
    await expect(page.getByText('Aucun logement. Ajoutez votre premier logement →')).toBeVisible();
  });

  test('settings, account and screens not built yet', async ({ page }) => {
    await logIn(page);
    await expect(page.getByRole('heading', { name: 'Planning' })).toBeVisible();
    await screenshot(page, '08-planning-empty');
    await audit(page, 'planning');

    await page.getByRole('link', { name: 'Paramètres', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Utilisateurs' })).toBeVisible();
    await page.locator('#field-name').fill('Paul Durand');
    await page.locator('#field-email').fill('paul@gites-du-lac.fr');
    await page.locator('#field-role').selectOption('provider');
    await page.getByRole('button', { name: "Ajouter l'utilisateur" }).click();
    await expect(page.getByText(/Compte créé pour Paul Durand\. Mot de passe provisoire : \S{14}/)).toBeVisible();
    await expect(page.locator('ul.users li')).toHaveCount(2);
    await expect(page.locator('#field-name')).toHaveValue('');
    await expect(fieldError(page, 'name'), 'a fresh form after success shows no message').toHaveCount(0);
    await screenshot(page, '09-settings');
    await audit(page, 'settings');

    await page.getByRole('link', { name: /Marie Martin/ }).click();
    await expect(page.getByRole('heading', { name: 'Changer de mot de passe' })).toBeVisible();
    await page.locator('#field-current_password').fill('pas le bon mot de passe');
    await page.locator('#field-password').fill('un autre mot de passe');
    await page.locator('#field-password_confirmation').fill('un autre mot de passe');
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await expect(fieldError(page, 'current_password')).toHaveText('Mot de passe actuel incorrect.');
    await screenshot(page, '10-account');
    await audit(page, 'account');

    await page.getByRole('link', { name: 'Rapports', exact: true }).click();
    await expect(page.getByText(/n'est pas encore construit/)).toBeVisible();
    await screenshot(page, '11-reports-not-built');
  });

  test('logout, refused login, login', async ({ page }) => {
    await logIn(page);

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/connexion$/);
    await hydrated(page);
    await screenshot(page, '12-login');
    await audit(page, 'login');
    await open(page, '/logements');
    await expect(page).toHaveURL(/\/connexion$/);

    await page.locator('#field-email').fill(ADMIN.email);
    await page.locator('#field-password').fill('mauvais mot de passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Adresse email ou mot de passe incorrect.' })).toBeVisible();
    await screenshot(page, '13-login-error');

    await page.locator('#field-password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await hydrated(page);
    await expect(page.getByTestId('organisation-name')).toHaveText('Gîtes du Lac');
  });

  test('English is one click away, and French comes back', async ({ page }) => {
    await logIn(page);

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect(page.getByRole('link', { name: 'Properties', exact: true })).toBeVisible();
    await hydrated(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('link', { name: 'Properties', exact: true }).click();
    await expect(page.getByText('No properties yet. Add your first property →')).toBeVisible();
    await screenshot(page, '14-english');
    await audit(page, 'property list in English');
    await page.getByRole('button', { name: 'Passer en français' }).click();
    await expect(page.getByRole('link', { name: 'Logements', exact: true })).toBeVisible();
  });

  test('the shell is usable on a phone', async ({ browser }) => {
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await logIn(phone);
    await phone.getByRole('link', { name: 'Logements', exact: true }).click();
    await expect(phone.getByRole('link', { name: 'Ajouter un logement' })).toBeVisible();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'no horizontal scrolling of the page on a 360 px phone').toBeLessThanOrEqual(0);
    await screenshot(phone, '15-phone');
    await phone.close();
  });
});
