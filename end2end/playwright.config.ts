// Playwright drives Debian's Chromium (/usr/bin/chromium): browsers cannot be downloaded here.
import { defineConfig } from '@playwright/test';

// SAISON_E2E_PORT lets two checkouts run their browser tests at once (default 3100).
const port = process.env.SAISON_E2E_PORT ?? '3100';

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results/artifacts',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'fr-FR',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
  // journey.spec.ts sets the installation up (first-run setup, the admin); every other file runs after
  // it on that installation, also when run alone (`npx playwright test tests/customers.spec.ts`).
  projects: [
    { name: 'setup', testMatch: 'journey.spec.ts' },
    { name: 'screens', testIgnore: 'journey.spec.ts', dependencies: ['setup'] },
  ],
  webServer: {
    command: './start-server.sh',
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
