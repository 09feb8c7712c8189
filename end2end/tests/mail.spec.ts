// Email in the browser, in French (SPEC C8): configure the SMTP server in Paramètres › Messagerie,
// send a test email and see the server's answer, find it in the outbox as sent; a template with an
// unknown field is refused with the valid ones, a field is inserted at the cursor and previewed; a
// booking's guest is emailed from the booking form with the template filled in. A real SMTP server
// (nodemailer's smtp-server) listens on 127.0.0.1 for the test. Runs after journey.spec.ts.
import { test, expect, type Page } from '@playwright/test';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { ADMIN, audit, logIn, open, screenshot } from './helpers';

type Received = { from: string; to: string[]; data: string };

/** An SMTP server on 127.0.0.1 keeping what it receives. */
async function smtpServer(refuse?: { address: string; code: number; message: string }):
    Promise<{ port: number; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    onRcptTo(address, _session, callback) {
      if (refuse && address.address === refuse.address) {
        const error = new Error(refuse.message) as Error & { responseCode: number };
        error.responseCode = refuse.code;
        return callback(error);
      }
      callback();
    },
    authOptional: true,
    disableReverseLookup: true,
    // Saison keeps its SMTP connections open for the next message: do not wait for them on close.
    closeTimeout: 200,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise((r) => server.close(() => r())) };
}

/** Points the saved settings (SMTP already enabled on 127.0.0.1) at this test's server. */
async function useSmtpServer(page: Page, port: number) {
  await open(page, '/parametres/messagerie');
  await page.locator('#field-port').fill(String(port));
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Réglages de messagerie enregistrés.')).toBeVisible();
}

test.describe('email', () => {
  test('SMTP configured in the settings, a test email sent, seen in the outbox as sent', async ({ page }) => {
    const smtp = await smtpServer();
    try {
      await logIn(page);
      await open(page, '/parametres/messagerie');
      await page.getByLabel('Envoyer les emails par un serveur SMTP').check();
      await page.locator('#field-host').fill('127.0.0.1');
      await page.locator('#field-security').selectOption('none');
      await page.locator('#field-port').fill(String(smtp.port));
      await page.locator('#field-sender_name').fill('Gîtes du Lac');
      await page.locator('#field-sender_address').fill('pas-une-adresse');
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await expect(page.locator('#field-sender_address-error')).toContainText('Adresse email invalide');
      await page.locator('#field-sender_address').fill('reservations@gites-du-lac.fr');
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await expect(page.getByText('Réglages de messagerie enregistrés.')).toBeVisible();
      await audit(page, 'mail settings');

      await expect(page.locator('#field-test-to')).toHaveValue(ADMIN.email);
      await page.getByRole('button', { name: 'Envoyer un email de test' }).click();
      await expect(page.getByTestId('mail-outcome')).toContainText('Envoyé : le serveur d\'envoi a accepté le message.');
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0].to).toEqual([ADMIN.email, 'reservations@gites-du-lac.fr']);
      expect(smtp.received[0].data).toContain('Subject: Saison : email de test');
      await screenshot(page, 'mail-settings');

      await page.getByRole('link', { name: 'Envois' }).click();
      await expect(page).toHaveURL(/\/envois$/);
      const first = page.locator('table.outbox tbody tr').first();
      await expect(first).toHaveAttribute('data-status', 'sent');
      await expect(first).toContainText('Saison : email de test');
      await expect(first).toContainText('Envoyé');
      await first.getByText('Saison : email de test').click();
      await expect(first.locator('.message-body')).toContainText('l\'envoi des emails fonctionne');
      await audit(page, 'outbox');
      await screenshot(page, 'outbox');
    } finally {
      await smtp.close();
    }
  });

  test('a template refuses unknown fields, inserts one at the cursor and previews it', async ({ page }) => {
    await logIn(page);
    await open(page, '/parametres/modeles-email');
    await page.getByRole('button', { name: 'Réservation confirmée' }).click();
    const body = page.locator('#field-body');
    await expect(body).toHaveValue(/Nous avons le plaisir de vous confirmer/);
    await body.fill('Bonjour {prenom}, à bientôt !');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.locator('.template-editor')).toContainText(
      'Champ inconnu : {prenom}. Champs possibles : {client}, {logement}, {arrivee}, {depart}, {nuits}, {montant}, {lien}, {organisation}.');

    // Replace "{prenom}" by the guest's name field, inserted where the cursor is.
    await body.fill('Bonjour , à bientôt !');
    await body.evaluate((area: HTMLTextAreaElement) => area.setSelectionRange(8, 8));
    await page.getByRole('button', { name: '{client} · Nom du client' }).click();
    await expect(body).toHaveValue('Bonjour {client}, à bientôt !');
    await expect(page.getByTestId('preview-body')).toHaveText('Bonjour Marie Durand, à bientôt !');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText('Modèle enregistré.')).toBeVisible();
    await expect(page.locator('.template-editor h2 .badge')).toHaveText('Personnalisé');
    await audit(page, 'mail templates');
    await screenshot(page, 'mail-templates');

    // Kept after a reload; then back to the default.
    await open(page, '/parametres/modeles-email');
    await page.getByRole('button', { name: 'Réservation confirmée' }).click();
    await expect(page.locator('#field-body')).toHaveValue('Bonjour {client}, à bientôt !');
    await page.getByRole('button', { name: 'Revenir au modèle par défaut…' }).click();
    await page.getByRole('button', { name: 'Revenir au modèle par défaut', exact: true }).click();
    await expect(page.getByText('Le modèle par défaut est de nouveau utilisé.')).toBeVisible();
    await expect(page.locator('#field-body')).toHaveValue(/Nous avons le plaisir de vous confirmer/);
  });

  test('the guest of a booking is emailed from the booking form', async ({ page }) => {
    const smtp = await smtpServer();
    try {
      await logIn(page);
      await useSmtpServer(page, smtp.port);

      const api = async (endpoint: string, data: unknown) => {
        const response = await page.request.post(`/api/${endpoint}`, { data });
        expect(response.ok(), `${endpoint}: ${await response.text()}`).toBeTruthy();
        return response.json();
      };
      const property = await api('create_property', { form: {
        name: 'La Bergerie', address: '3 chemin des Crêtes, 73000 Chambéry', capacity: '4', owner_id: '',
        pricing: 'fixed', rate_plan_id: '', fixed_price: '90', tourist_tax_id: '', security_deposit: '0',
        description: '', registration_number: '', classification: 'unclassified', principal_residence: false,
        public_listing: false } });
      const statuses = await api('list_statuses', {});
      const today = new Date();
      const day = (offset: number) => {
        const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + offset);
        return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      };
      const saved = await api('save_booking', { id: null, version: 0, form: {
        stay: { property, arrival: day(1), departure: day(3), adults: '2', children: '', others: '', discount: '',
                forfait: '', platform: '', options: '' },
        status: statuses[4].status.id,
        customer: { id: '', name: 'Paul Lefèvre', address: '', emails: 'paul@exemple.fr', phones: '' },
        options: [], deposit: '', origin: '', notes: '', contract_message: '', force: true } });

      await open(page, '/');
      await page.locator(`.bar[data-booking="${saved.id}"]`).click();
      await page.getByTestId('compose-open').click();
      await expect(page.locator('#field-recipients')).toHaveValue('paul@exemple.fr');
      await expect(page.locator('#field-subject')).toHaveValue(/^Réservation confirmée — La Bergerie, du /);
      await expect(page.getByTestId('compose-form')).toContainText('Vous recevrez une copie à reservations@gites-du-lac.fr.');
      await page.locator('#field-recipients').fill('paul@exemple.fr, ');
      await page.locator('#field-body').fill('Bonjour Paul,\nles clés sont sous le pot de fleurs.');
      await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
      await expect(page.getByTestId('mail-outcome')).toContainText('Envoyé');
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0].to).toEqual(['paul@exemple.fr', 'reservations@gites-du-lac.fr']);
      expect(smtp.received[0].data).toContain('sous le pot de fleurs');
      await screenshot(page, 'booking-email');
    } finally {
      await smtp.close();
    }
  });

  test('a refused message is explained, counted beside "Envois" and can be cancelled', async ({ page }) => {
    const smtp = await smtpServer({ address: 'inconnu@exemple.fr', code: 550, message: '5.1.1 Mailbox unknown' });
    try {
      await logIn(page);
      await useSmtpServer(page, smtp.port);
      await page.locator('#field-test-to').fill('inconnu@exemple.fr');
      await page.getByRole('button', { name: 'Envoyer un email de test' }).click();
      await expect(page.getByTestId('mail-outcome')).toContainText(
        'Non envoyé. Le serveur d\'envoi a refusé le message (code 550) : « 5.1.1 Mailbox unknown ».');

      await open(page, '/envois');
      await expect(page.getByTestId('failed-messages')).toContainText('1');
      const refused = page.locator('table.outbox tbody tr').first();
      await expect(refused).toHaveAttribute('data-status', 'failed');
      await expect(refused).toContainText('Échec');
      await expect(refused.getByRole('button', { name: 'Renvoyer' })).toBeVisible();
      await refused.getByRole('button', { name: 'Annuler l\'envoi' }).click();
      await expect(page.getByTestId('mail-outcome')).toContainText('Envoi annulé.');
      await expect(refused).toHaveAttribute('data-status', 'cancelled');
      await open(page, '/envois');
      await expect(page.getByTestId('failed-messages')).toHaveCount(0);
      expect(smtp.received).toHaveLength(0);
    } finally {
      await smtp.close();
    }
  });
});
