// Figures for docs/PERFORMANCE.md, printed, never asserted on time: the planning of the measurement
// organisation (200 properties, a year of ≈ 16,000 bookings, `server measure-data`) in Chromium —
// scripting time of its first render and of the 12-month view, frames dropped while scrolling with the
// wheel (Chromium's own frame reports) and frame times of scripted scrolling, drop-to-repaint
// of a drag, and the size of the DOM (which must not grow with properties × days). It starts its own
// server on port 3102 with its own database. Meaningful on a release build (docs/PERFORMANCE.md); on
// the debug build CI uses it only proves the measurement runs — and checks the DOM stays small.
import { test, expect, type Browser, type Page, type CDPSession } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const bin = path.resolve(
  root,
  process.env.SAISON_BIN ?? path.join(process.env.CARGO_TARGET_DIR ?? 'target', 'debug', 'server'),
);
const site = path.resolve(root, process.env.SAISON_SITE_ROOT ?? 'target/site');
const address = 'http://127.0.0.1:3102';

let server: ChildProcess | undefined;

test.beforeAll(async () => {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'saison-measure-'));
  const env = { ...process.env, DATABASE_URL: `sqlite://${data}/saison.db`, RUST_LOG: 'warn' };
  delete env.SAISON_DEMO;
  execFileSync(bin, ['measure-data'], { env, stdio: 'inherit' });
  server = spawn(bin, [], {
    env: { ...env, SAISON_ADDRESS: '127.0.0.1:3102', LEPTOS_SITE_ROOT: site },
    stdio: 'inherit',
  });
  for (let i = 0; i < 200; i++) {
    const up = await fetch(`${address}/healthz`).then((r) => r.ok, () => false);
    if (up) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the measurement server did not start');
});

test.afterAll(() => {
  server?.kill();
});

async function scriptSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'ScriptDuration')?.value ?? NaN;
}

type TraceEvent = { name: string; ph: string; ts: number; pid: number; args?: { frame_reporter?: Record<string, unknown> } };

/**
 * What a person sees while scrolling with the wheel: a real scroll gesture (CDP
 * `Input.synthesizeScrollGesture`, 4,000 px at 2,400 px/s, threaded scrolling as a user gets), and
 * Chromium's own account of each frame during it (`PipelineReporter`: presented whole, presented with
 * the main thread's part late, or dropped; checkerboarding flagged).
 */
async function wheelFrames(page: Page, browser: Browser, cdp: CDPSession, direction: 'down' | 'right') {
  const view = await page.locator('.planning-scroll').boundingBox();
  if (!view) throw new Error('no planning');
  await browser.startTracing(page, { categories: ['cc', 'benchmark', 'input'] });
  await cdp.send('Input.synthesizeScrollGesture', {
    x: Math.round(view.x + view.width / 2), y: Math.round(view.y + view.height / 2),
    ...(direction === 'down' ? { yDistance: -4000 } : { xDistance: -4000 }),
    speed: 2400, gestureSourceType: 'mouse',
  });
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const events: TraceEvent[] = Array.isArray(trace) ? trace : trace.traceEvents;
  const inputs = events.filter((e) => e.name === 'EventLatency' && e.ph === 'b');
  const renderer = inputs[0]?.pid;
  const [from, to] = [Math.min(...inputs.map((e) => e.ts)), Math.max(...inputs.map((e) => e.ts))];
  const frames = events.filter((e) => e.name === 'PipelineReporter' && e.ph === 'b' && e.pid === renderer
    && e.args?.frame_reporter && e.ts >= from && e.ts <= to).map((e) => e.args!.frame_reporter!);
  const count = (state: string) => frames.filter((f) => f.state === state).length;
  // One report per display frame (vsync): the rate is the share of them not dropped, at 60 Hz.
  return {
    fps: (60 * (frames.length - count('STATE_DROPPED'))) / Math.max(frames.length, 1),
    late: count('STATE_PRESENTED_PARTIAL'),
    dropped: count('STATE_DROPPED'),
    checkerboarded: frames.filter((f) => f.checkerboarded_needs_raster || f.checkerboarded_needs_record).length,
    frames: frames.length,
  };
}

/** Waits until the grid shows rows, then for the next painted frame. */
async function painted(page: Page) {
  await page.locator('.planning-row').first().waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
}

test('the planning of 200 properties and a year of bookings', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${address}/connexion`);
  await page.waitForSelector('body[data-hydrated="true"]');
  await page.locator('#field-email').fill('mesures@saison.test');
  await page.locator('#field-password').fill('mesures-saison');

  // First render: from the login's redirect to the painted planning (2 months), scripting only.
  let before = await scriptSeconds(cdp);
  let started = Date.now();
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await painted(page);
  const firstScript = (await scriptSeconds(cdp)) - before;
  const firstWall = Date.now() - started;

  // Twelve months: ≈ 16,000 bookings fetched, laid out in lanes, the rows in view drawn.
  before = await scriptSeconds(cdp);
  started = Date.now();
  await page.locator('select[name="months"]').selectOption('12');
  await expect(page.locator('.window-title')).toContainText('–');
  await page.waitForFunction(() => document.querySelectorAll('.days .day').length > 360
    && document.querySelectorAll('.planning-body .bar').length > 100);
  await painted(page);
  const yearScript = (await scriptSeconds(cdp)) - before;
  const yearWall = Date.now() - started;
  const dom = await page.evaluate(() => ({
    elements: document.querySelectorAll('.planning-body *').length,
    rows: document.querySelectorAll('.planning-row').length,
    bars: document.querySelectorAll('.planning-body .bar').length,
  }));
  expect(dom.rows, 'only the rows in view are drawn, not all 200').toBeLessThan(100);
  expect(dom.elements, 'no element per property × day, nor every bar of the year').toBeLessThan(20_000);

  // Scrolling down through the 200 rows, then right through the year: 40 px a frame, 150 frames each.
  const scroll = (direction: 'down' | 'right') => page.evaluate(async (direction) => {
    const scroller = document.querySelector('.planning-scroll') as HTMLElement;
    const times: number[] = [];
    let last = performance.now();
    for (let i = 0; i < 150; i++) {
      if (direction === 'down') scroller.scrollTop += 40;
      else scroller.scrollLeft += 40;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    return times;
  }, direction);
  const summary = (frames: number[]) => {
    frames.sort((a, b) => a - b);
    return {
      p95: frames[Math.floor(frames.length * 0.95)],
      fps: 1000 / (frames.reduce((a, b) => a + b, 0) / frames.length),
    };
  };
  const wheelDown = await wheelFrames(page, browser, cdp, 'down');
  const wheelRight = await wheelFrames(page, browser, cdp, 'right');
  await page.evaluate(() => document.querySelector('.planning-scroll')?.scrollTo(0, 0));
  // Scripted scrolling, 40 px a frame from requestAnimationFrame: every frame waits for the main thread.
  // Scripting per frame tells the page's own work from the browser's (layout, raster).
  before = await scriptSeconds(cdp);
  const down = { ...summary(await scroll('down')), script: ((await scriptSeconds(cdp)) - before) * 1000 / 150 };
  before = await scriptSeconds(cdp);
  const right = { ...summary(await scroll('right')), script: ((await scriptSeconds(cdp)) - before) * 1000 / 150 };

  // A drag: the first bar of a row in view moved two days; from the drop to the painted proposal.
  await page.locator('select[name="months"]').selectOption('2');
  await page.evaluate(() => document.querySelector('.planning-scroll')?.scrollTo(0, 0));
  await painted(page);
  // A bar that starts clear of the sticky property names.
  const names = await page.locator('.row-head').first().boundingBox();
  const view = await page.locator('.planning-scroll').boundingBox();
  let box: { x: number; y: number; width: number; height: number } | null = null;
  for (let i = 0; i < 40 && !box; i++) {
    const candidate = await page.locator('.planning-body .bar').nth(i).boundingBox();
    if (candidate && names && view && candidate.x > names.x + names.width + 20 && candidate.width > 40
      && candidate.y > view.y + 60 && candidate.y + candidate.height < view.y + view.height) box = candidate;
  }
  if (!box) throw new Error('no bar to drag');
  await page.evaluate(() => {
    const w = window as unknown as { dropToPaint?: Promise<number> };
    w.dropToPaint = new Promise((resolve) => {
      document.addEventListener('pointerup', () => {
        const dropped = performance.now();
        const seen = () => {
          if (document.querySelector('.proposal')) {
            requestAnimationFrame(() => resolve(performance.now() - dropped));
          } else {
            requestAnimationFrame(seen);
          }
        };
        queueMicrotask(seen);
        setTimeout(() => resolve(NaN), 10_000);
      }, { capture: true, once: true });
    });
  });
  await page.mouse.move(box.x + 10, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 10 + 60, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  const dropToPaint = await page.evaluate(() => (window as unknown as { dropToPaint: Promise<number> }).dropToPaint);
  await expect(page.getByRole('alertdialog'), 'the drop opens the confirmation').toContainText('Prix');

  console.log(`planning, 200 properties: first render ${(firstScript * 1000).toFixed(0)} ms scripting (${firstWall} ms wall)`);
  console.log(`planning, 12 months (${dom.bars} bars drawn, ${dom.rows} rows, ${dom.elements} elements): ${(yearScript * 1000).toFixed(0)} ms scripting (${yearWall} ms wall)`);
  const wheel = (w: Awaited<ReturnType<typeof wheelFrames>>) =>
    `${w.fps.toFixed(1)} fps (${w.frames} display frames: ${w.dropped} dropped, ${w.late} shown with the page's part a frame late, ${w.checkerboarded} checkerboarded)`;
  console.log(`planning wheel down: ${wheel(wheelDown)}`);
  console.log(`planning wheel right: ${wheel(wheelRight)}`);
  console.log(`planning scroll down: ${down.fps.toFixed(1)} fps on average, p95 frame ${down.p95.toFixed(1)} ms, scripting ${down.script.toFixed(1)} ms a frame`);
  console.log(`planning scroll right: ${right.fps.toFixed(1)} fps on average, p95 frame ${right.p95.toFixed(1)} ms, scripting ${right.script.toFixed(1)} ms a frame`);
  console.log(`planning drag: drop to painted proposal ${dropToPaint.toFixed(1)} ms`);
});
