// Figures for docs/PERFORMANCE.md, printed, never asserted on time: the pricing engine in Chromium
// (WASM), 10,000 quotes of the 14-night reference stay. Meaningful on a release build
// (`cargo leptos build --release`, see docs/PERFORMANCE.md); on the debug build CI uses it only
// proves the measurement runs.
import { test, expect } from '@playwright/test';
import { open } from './helpers';

test('the pricing engine in the browser', async ({ page }) => {
  await open(page, '/connexion');
  const perQuote = await page.evaluate(async () => {
    // @ts-expect-error the site's own module, already initialised by hydration
    const wasm = await import('/pkg/saison.js');
    wasm.measure_quotes(1000);
    return wasm.measure_quotes(10000);
  });
  expect(Number.isFinite(perQuote)).toBe(true);
  console.log(`WASM quote, 14 nights: ${perQuote.toFixed(2)} µs per quote (10,000 quotes)`);
});
