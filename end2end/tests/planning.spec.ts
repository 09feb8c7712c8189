// The planning and the booking form in the browser, in French (SPEC C3–C4): a click on a free day
// opens the form on that property and day (1 night), the price is quoted live, the bar appears on the
// right row, days and colour and survives a reload; an overlapping booking doubles the row and is
// flagged; two people editing one booking: the second gets the conflict message and the other's
// change; deleting asks first; drawing across free days, moving and resizing bars show the new price
// before confirming and can be undone; a change in one window appears in another without a reload
// (server push); a grouped booking prices each property, moves as one and splits. Runs after journey.spec.ts, on the installation it set up.
import { test, expect, type Page } from '@playwright/test';
import { audit, fieldError, hydrated, logIn, open, screenshot } from './helpers';

/** Day width at the default zoom ("Normal"), in CSS pixels. */
const DAY = 30;

function iso(day: Date) {
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

/** The first day of next month, the first day shown after one click on "Mois suivant". */
function nextMonth(): Date {
  const today = new Date();
  return new Date(today.getFullYear(), today.getMonth() + 1, 1);
}

function row(page: Page, name: string) {
  return page.locator('.planning-row', { has: page.locator('.row-head', { hasText: name }) });
}

/** Adds a property for 4 people at a free nightly `price` (€). */
async function addProperty(page: Page, name: string, address: string, price: string) {
  await open(page, '/logements/nouveau');
  await page.locator('#field-name').fill(name);
  await page.locator('#field-address').fill(address);
  await page.locator('#field-capacity').fill('4');
  await page.locator('#field-fixed_price').fill(price);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Logement ajouté.')).toBeVisible();
}

/** Presses at day `from` of the row of `name` (at `y` pixels from its top), moves to `to`, releases. */
async function dragDays(page: Page, name: string, from: number, to: number, y = 8, target?: string) {
  const box = await row(page, name).locator('.row-track').boundingBox();
  if (!box) throw new Error(`no row ${name}`);
  const end = target ? await row(page, target).locator('.row-track').boundingBox() : box;
  if (!end) throw new Error(`no row ${target}`);
  await page.mouse.move(box.x + DAY * from + DAY / 2, box.y + y);
  await page.mouse.down();
  await page.mouse.move(end.x + DAY * to + DAY / 2, end.y + y, { steps: 6 });
  await page.mouse.up();
}

async function showNextMonth(page: Page) {
  await page.getByRole('button', { name: 'Mois suivant' }).click();
  const first = nextMonth();
  const label = first.toLocaleDateString('fr-FR', { month: 'long', year: 'numeric' });
  await expect(page.locator('.window-title')).toContainText(label);
}

/** Clicks the free day `index` (0 = first day shown) of the row of `name`. */
async function clickDay(page: Page, name: string, index: number) {
  await row(page, name).locator('.row-track').click({ position: { x: DAY * index + DAY / 2, y: 8 } });
}

test.describe.serial('planning', () => {
  test('a click on a free day books it, the bar shows on the right row and days', async ({ page }) => {
    await logIn(page);
    await addProperty(page, 'Gîte des Pins', '12 route des Pins, 40200 Mimizan', '100');

    await open(page, '/');
    await expect(row(page, 'Gîte des Pins')).toBeVisible();
    await expect(page.locator('.legend')).toContainText('Arrhes payées');
    await showNextMonth(page);
    await clickDay(page, 'Gîte des Pins', 9);

    const drawer = page.getByRole('dialog', { name: 'Nouvelle réservation' });
    await expect(drawer).toBeVisible();
    const arrival = new Date(nextMonth().getFullYear(), nextMonth().getMonth(), 10);
    await expect(drawer.locator('#field-arrival')).toHaveValue(iso(arrival));
    await expect(drawer.locator('#field-nights'), 'seed 004: 1 night by default').toHaveValue('1');
    await expect(drawer.locator('#field-property')).toHaveValue(/.+/);
    await expect(drawer.locator('.quote-total')).toContainText('100,00');

    await drawer.locator('#field-nights').fill('3');
    await expect(drawer.locator('#field-departure')).toHaveValue(iso(new Date(arrival.getTime() + 3 * 86400000)));
    await expect(drawer.locator('.quote-total'), 'quoted live by the engine').toContainText('300,00');
    await drawer.locator('#field-customer_name').fill('Jeanne Leroy');
    await drawer.locator('#field-customer_emails').fill('jeanne.leroy@exemple');
    await drawer.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(fieldError(page, 'customer_emails')).toContainText('Adresse email invalide');
    await drawer.locator('#field-customer_emails').fill('jeanne.leroy@exemple.fr');
    await drawer.locator('#field-status').selectOption({ label: 'Arrhes payées' });
    await drawer.locator('#field-deposit').fill('90');
    await drawer.getByText('Voir le détail').click();
    await expect(drawer.locator('details.quote-detail')).toContainText('Nuits');
    await screenshot(page, '30-booking-form');
    await audit(page, 'booking form');
    await drawer.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText('Réservation créée.')).toBeVisible();
    await expect(drawer).toBeHidden();

    const bar = row(page, 'Gîte des Pins').locator('.bar', { hasText: 'Jeanne Leroy' });
    await expect(bar).toBeVisible();
    await expect(bar).toHaveAttribute('data-status', 'Arrhes payées');
    await expect(bar).toHaveCSS('background-color', 'rgb(14, 165, 233)');
    // Arrival at mid-day 9 (index), 3 nights wide.
    await expect(bar).toHaveCSS('left', `${DAY * 9.5}px`);
    await expect(bar).toHaveCSS('width', `${DAY * 3}px`);

    await page.reload();
    await showNextMonth(page);
    await expect(row(page, 'Gîte des Pins').locator('.bar', { hasText: 'Jeanne Leroy' })).toBeVisible();
    await screenshot(page, '31-planning');
    await audit(page, 'planning');
  });

  test('an overlapping booking doubles the row and is flagged', async ({ page }) => {
    await logIn(page);
    await showNextMonth(page);
    await page.getByRole('button', { name: 'Nouvelle réservation' }).click();
    const drawer = page.getByRole('dialog', { name: 'Nouvelle réservation' });
    await drawer.locator('#field-property').selectOption({ label: 'Gîte des Pins' });
    const arrival = new Date(nextMonth().getFullYear(), nextMonth().getMonth(), 12);
    await drawer.locator('#field-arrival').fill(iso(arrival));
    await drawer.locator('#field-nights').fill('2');
    await drawer.locator('#field-customer_name').fill('Paul Morel');
    await expect(drawer.locator('.quote-total')).toContainText('200,00');
    await drawer.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText('Réservation créée.')).toBeVisible();

    const pins = row(page, 'Gîte des Pins');
    await expect(pins.locator('.bar')).toHaveCount(2);
    await expect(pins.locator('.overbooked')).toHaveCount(1);
    const height = await pins.evaluate((el) => el.getBoundingClientRect().height);
    expect(height, 'two lanes').toBeGreaterThan(55);
    await page.getByRole('button', { name: '1 surréservation' }).click();
    await expect(page.getByRole('region', { name: 'Surréservations de la période affichée' })).toContainText('Gîte des Pins : nuits du 12/');
    await screenshot(page, '32-overbooking');
  });

  test('two people edit one booking: the second is told and sees the change', async ({ browser }) => {
    const first = await (await browser.newContext()).newPage();
    const second = await (await browser.newContext()).newPage();
    for (const page of [first, second]) {
      await logIn(page);
      await showNextMonth(page);
      await row(page, 'Gîte des Pins').locator('.bar', { hasText: 'Paul Morel' }).click();
      await expect(page.getByRole('dialog', { name: 'Modifier la réservation' }).locator('#field-customer_name')).toHaveValue('Paul Morel');
    }
    const one = first.getByRole('dialog', { name: 'Modifier la réservation' });
    await one.locator('#field-notes').fill('Arrivée vers 18 h');
    await one.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(first.getByText('Réservation enregistrée.')).toBeVisible();

    const other = second.getByRole('dialog', { name: 'Modifier la réservation' });
    await other.locator('#field-notes').fill('Arrivée le matin');
    await other.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(other.getByText(/Quelqu'un a modifié cette réservation/)).toBeVisible();
    await expect(other.locator('#field-notes'), "the other's change is shown").toHaveValue('Arrivée vers 18 h');

    // Deleting asks first.
    await other.getByRole('button', { name: 'Supprimer' }).click();
    await expect(other.getByText('Supprimer définitivement cette réservation ?')).toBeVisible();
    await other.getByRole('button', { name: 'Oui, supprimer' }).click();
    await expect(second.getByText('Réservation supprimée.')).toBeVisible();
    await expect(row(second, 'Gîte des Pins').locator('.bar')).toHaveCount(1);
    await expect(row(second, 'Gîte des Pins').locator('.overbooked')).toHaveCount(0);
  });

  test('drag across free days, move a bar, resize it: new price first, then undo', async ({ page }) => {
    await logIn(page);
    await addProperty(page, 'Chalet du Lac', '3 chemin du Lac, 74500 Évian', '150');
    await open(page, '/');
    await showNextMonth(page);
    const pins = row(page, 'Gîte des Pins');

    // Drawing from day index 20 to 23: a 4-night stay from the 21st.
    await dragDays(page, 'Gîte des Pins', 20, 23);
    const drawer = page.getByRole('dialog', { name: 'Nouvelle réservation' });
    await expect(drawer.locator('#field-arrival')).toHaveValue(iso(new Date(nextMonth().getFullYear(), nextMonth().getMonth(), 21)));
    await expect(drawer.locator('#field-nights')).toHaveValue('4');
    await expect(drawer.locator('.quote-total')).toContainText('400,00');
    await drawer.locator('#field-customer_name').fill('Luc Martin');
    await drawer.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText('Réservation créée.')).toBeVisible();
    await expect(pins.locator('.bar', { hasText: 'Luc Martin' })).toHaveCSS('left', `${DAY * 20.5}px`);
    await page.getByRole('button', { name: 'Annuler' }).click();
    await expect(page.getByText('Modification annulée.')).toBeVisible();
    await expect(pins.locator('.bar', { hasText: 'Luc Martin' }), 'undoing a creation deletes it').toHaveCount(0);

    // Moving Jeanne Leroy's stay (day index 9, 3 nights) two days later: same price, confirmed, undone.
    const jeanne = pins.locator('.bar', { hasText: 'Jeanne Leroy' });
    await dragDays(page, 'Gîte des Pins', 10, 12);
    const proposal = page.getByRole('alertdialog', { name: 'Déplacer la réservation' });
    await expect(proposal).toContainText('Jeanne Leroy — Gîte des Pins');
    await expect(proposal).toContainText('Prix inchangé : 300,00');
    await expect(pins.locator('.bar.ghost'), 'the ghost shows where it lands').toHaveCSS('left', `${DAY * 11.5}px`);
    await screenshot(page, '33-move-proposal');
    await proposal.getByRole('button', { name: 'Confirmer' }).click();
    await expect(page.getByText('Réservation modifiée.')).toBeVisible();
    await expect(jeanne).toHaveCSS('left', `${DAY * 11.5}px`);
    await expect(pins.locator('.bar.ghost')).toHaveCount(0);
    await page.getByRole('button', { name: 'Annuler' }).click();
    await expect(page.getByText('Modification annulée.')).toBeVisible();
    await expect(jeanne, 'undo puts it back').toHaveCSS('left', `${DAY * 9.5}px`);

    // Onto another property: its rates price the stay.
    await dragDays(page, 'Gîte des Pins', 10, 10, 8, 'Chalet du Lac');
    await expect(proposal).toContainText('Jeanne Leroy — Chalet du Lac');
    await expect(proposal).toContainText('Prix : 300,00 € → 450,00 €');
    await proposal.getByRole('button', { name: 'Confirmer' }).click();
    await expect(page.getByText('Réservation modifiée.')).toBeVisible();
    const chalet = row(page, 'Chalet du Lac');
    await expect(chalet.locator('.bar', { hasText: 'Jeanne Leroy' })).toHaveCSS('left', `${DAY * 9.5}px`);
    await expect(pins.locator('.bar', { hasText: 'Jeanne Leroy' })).toHaveCount(0);
    await page.reload();
    await hydrated(page);
    await showNextMonth(page);
    await expect(chalet.locator('.bar', { hasText: 'Jeanne Leroy' }), 'the move is stored').toHaveCSS('left', `${DAY * 9.5}px`);

    // Its right edge, two days further: longer and dearer, then cancelled with Escape.
    const bar = chalet.locator('.bar', { hasText: 'Jeanne Leroy' });
    const box = await bar.boundingBox();
    if (!box) throw new Error('no bar');
    await page.mouse.move(box.x + box.width - 3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width - 3 + 2 * DAY, box.y + box.height / 2, { steps: 6 });
    await page.mouse.up();
    const resize = page.getByRole('alertdialog', { name: 'Changer la durée du séjour' });
    await expect(resize).toContainText('(5 nuits)');
    await expect(resize).toContainText('Prix : 450,00 € → 750,00 €');
    await page.keyboard.press('Escape');
    await expect(resize).toBeHidden();
    await expect(chalet.locator('.bar.ghost')).toHaveCount(0);
    await expect(bar).toHaveCSS('width', `${DAY * 3}px`);
    await audit(page, 'planning after drags');
  });

  test('a change made in one window shows in another without a reload', async ({ browser }) => {
    const watcher = await (await browser.newContext()).newPage();
    const editor = await (await browser.newContext()).newPage();
    for (const page of [watcher, editor]) {
      await logIn(page);
      await showNextMonth(page);
    }
    // Counts document loads in the watching window: a reload would reset it.
    await watcher.evaluate(() => { (window as unknown as { untouched: boolean }).untouched = true; });
    const chalet = row(watcher, 'Chalet du Lac');
    await expect(chalet.locator('.bar', { hasText: 'Jeanne Leroy' })).toHaveCSS('width', `${DAY * 3}px`);

    await dragDays(editor, 'Chalet du Lac', 10, 14);
    const proposal = editor.getByRole('alertdialog', { name: 'Déplacer la réservation' });
    await proposal.getByRole('button', { name: 'Confirmer' }).click();
    await expect(editor.getByText('Réservation modifiée.')).toBeVisible();
    await expect(chalet.locator('.bar', { hasText: 'Jeanne Leroy' }), 'pushed to the other window').toHaveCSS('left', `${DAY * 13.5}px`);

    await clickDay(editor, 'Chalet du Lac', 2);
    const drawer = editor.getByRole('dialog', { name: 'Nouvelle réservation' });
    await drawer.locator('#field-customer_name').fill('Inès Garnier');
    await drawer.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(editor.getByText('Réservation créée.')).toBeVisible();
    await expect(chalet.locator('.bar', { hasText: 'Inès Garnier' })).toBeVisible();
    expect(await watcher.evaluate(() => (window as unknown as { untouched?: boolean }).untouched), 'no reload').toBe(true);
  });

  test('a grouped booking: several properties, one price, moved together, then split', async ({ page }) => {
    await logIn(page);
    await addProperty(page, 'Cabane du Port', '1 quai du Port, 56340 Carnac', '80');
    await addProperty(page, 'Moulin de la Roche', '8 rue du Moulin, 56340 Carnac', '120');
    await open(page, '/');
    await showNextMonth(page);
    const cabane = row(page, 'Cabane du Port');
    const moulin = row(page, 'Moulin de la Roche');

    // Seed 004: a simple booking first, then "Réservation groupée" lists every property to tick.
    await clickDay(page, 'Cabane du Port', 23);
    const drawer = page.getByRole('dialog', { name: 'Nouvelle réservation' });
    await drawer.locator('#field-nights').fill('2');
    await expect(drawer.locator('.quote-total').first()).toContainText('160,00');
    await drawer.locator('#field-grouped').check();
    await drawer.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(fieldError(page, 'group').or(drawer.locator('.group-lines .field-error'))).toBeVisible();
    const line = drawer.locator('.group-line', { hasText: 'Moulin de la Roche' });
    await line.locator('input[type="checkbox"]').check();
    await expect(line.locator('.group-price'), 'each property priced with its own rates').toContainText('240,00');
    await expect(drawer.locator('[data-group-total]'), 'one price: the sum').toContainText('400,00');
    await drawer.locator('#field-customer_name').fill('Famille Roux');
    await screenshot(page, '35-grouped-booking');
    await audit(page, 'grouped booking form');
    await drawer.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText('Réservation créée.')).toBeVisible();
    const cabaneBar = cabane.locator('.bar', { hasText: 'Famille Roux' });
    const moulinBar = moulin.locator('.bar', { hasText: 'Famille Roux' });
    await expect(cabaneBar).toHaveClass(/grouped/);
    await expect(moulinBar).toHaveClass(/grouped/);
    expect(await cabaneBar.getAttribute('data-group')).toBe(await moulinBar.getAttribute('data-group'));

    // Common dates: moving one property's bar moves the group, at the group's price.
    await dragDays(page, 'Cabane du Port', 24, 26);
    const proposal = page.getByRole('alertdialog', { name: 'Déplacer la réservation' });
    await expect(proposal).toContainText('aux 2 logements du groupe');
    await expect(proposal).toContainText('Prix inchangé : 400,00');
    await proposal.getByRole('button', { name: 'Confirmer' }).click();
    await expect(page.getByText('Réservation modifiée.')).toBeVisible();
    await expect(cabaneBar).toHaveCSS('left', `${DAY * 25.5}px`);
    await expect(moulinBar, 'the other property moved with it').toHaveCSS('left', `${DAY * 25.5}px`);
    await page.getByRole('button', { name: 'Annuler' }).click();
    await expect(page.getByText('Modification annulée.')).toBeVisible();
    await expect(moulinBar, 'undone for the whole group').toHaveCSS('left', `${DAY * 23.5}px`);

    // Unticking "Réservation groupée" takes the Moulin out: its booking stays, its dates move alone.
    await moulinBar.click();
    const editor = page.getByRole('dialog', { name: 'Modifier la réservation' });
    await expect(editor.locator('#field-grouped')).toBeChecked();
    await expect(editor.locator('.group-line', { hasText: 'Cabane du Port' }).locator('input[type="checkbox"]')).toBeChecked();
    await editor.locator('#field-grouped').uncheck();
    await editor.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText('Réservation enregistrée.')).toBeVisible();
    await expect(moulinBar).not.toHaveClass(/grouped/);
    await expect(cabaneBar, 'a group of one is no group').not.toHaveClass(/grouped/);
    await dragDays(page, 'Moulin de la Roche', 24, 27);
    await expect(proposal).not.toContainText('logements du groupe');
    await proposal.getByRole('button', { name: 'Confirmer' }).click();
    await expect(moulinBar).toHaveCSS('left', `${DAY * 26.5}px`);
    await expect(cabaneBar).toHaveCSS('left', `${DAY * 23.5}px`);
  });

  test('the months shown and the zoom are kept for the next visit', async ({ page }) => {
    await logIn(page);
    await page.locator('select[name="months"]').selectOption('3');
    await page.getByRole('button', { name: 'Large' }).click();
    await expect(page.locator('.planning-scroll')).toHaveCSS('--day', '48px');
    await page.reload();
    await hydrated(page);
    await expect(page.locator('select[name="months"]')).toHaveValue('3');
    await expect(page.getByRole('button', { name: 'Large' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.planning-scroll')).toHaveCSS('--day', '48px');
  });
});
