import { expect, test } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { recordScripts } from '../bench/browserPage';
import { LabPage } from './pages/LabPage';

/** The budget for a first load: the JavaScript the page loads, gzip, in all. */
const BUDGET_KIB = 250;
/** What the playwright config serves (`vite preview` of the production build). */
const ASSETS = join(import.meta.dirname, '..', 'dist', 'assets');

/** gzip -9 of each file as built in dist/assets; a file the build did not write counts as missing. */
function gzipKiB(files: readonly string[]): { kib: number; parts: string[]; missing: string[] } {
  const built = new Set(readdirSync(ASSETS));
  let total = 0;
  const parts: string[] = [];
  const missing: string[] = [];
  for (const f of files) {
    if (!built.has(f)) {
      missing.push(f);
      continue;
    }
    const gz = gzipSync(readFileSync(join(ASSETS, f)), { level: 9 }).length;
    total += gz;
    parts.push(`${f} ${(gz / 1024).toFixed(1)} KiB`);
  }
  return { kib: total / 1024, parts, missing };
}

test('a first visit loads at most 250 KiB of JavaScript, and a line typed at once still runs', async ({ page, baseURL }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const requested = recordScripts(page);
  const files = () => requested.map((r) => r.file);

  const lab = new LabPage(page);
  await lab.open(); // fresh storage: no saved lines to replay
  await page.waitForTimeout(1500); // anything the page fetches once idle counts too

  const first = gzipKiB(files());
  const summary = `${first.kib.toFixed(1)} KiB gzip in ${files().length} files: ${first.parts.join(', ')}`;
  test.info().annotations.push({ type: 'first-load JavaScript', description: summary });
  console.log(`first load: ${summary}`);
  expect(first.missing, 'scripts requested that are not in dist/assets').toEqual([]);
  // Soft: the journey goes on, so one run tells both the size and whether typing works.
  expect.soft(first.kib, `the JavaScript a first visit loads is ${summary}`).toBeLessThanOrEqual(BUDGET_KIB);
  const loadedFirst = files();

  // The command line comes on demand with the first key. Hold those chunks back a little, so the
  // whole line and its Enter arrive before the code that runs it: nothing typed may be lost.
  await page.route(/\.m?js(\?|$)/, async (route) => {
    await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });
  const before = await lab.log.locator('pre').count();
  await lab.type('docker ps');
  await page.keyboard.press('Enter');
  const entry = lab.log.locator('pre').nth(before);
  await expect(entry).toContainText('docker ps');
  await expect(entry).toContainText('CONTAINER ID');
  await expect(entry).toHaveAttribute('data-exit', '0');
  await expect.poll(() => lab.inputLine()).toBe('root@docker-host:~#');
  // And the next line runs as usual.
  await lab.run('docker run -d --name web nginx');
  await expect(lab.node('web', 'container')).toBeVisible();

  const later = files().filter((f) => !loadedFirst.includes(f));
  test.info().annotations.push({ type: 'loaded on the first command', description: later.join(', ') || '(nothing)' });
  console.log(`loaded on the first command: ${later.join(', ') || '(nothing)'}`);

  const origin = new URL(baseURL ?? page.url()).origin;
  const away = requests.filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== origin);
  expect(away, 'requests that left the page origin').toEqual([]);
  expect(errors).toEqual([]);
});
