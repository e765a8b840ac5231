import { expect, test } from '@playwright/test';
import { LabPage, SESSION_KEY } from './pages/LabPage';

test('a corrupt saved session starts fresh with a notice', async ({ page }) => {
  await page.addInitScript((key) => localStorage.setItem(key, '{"v":1,"seed":"x","lines":[<img src=x onerror=alert(1)>'), SESSION_KEY);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const lab = new LabPage(page);
  await page.goto('./');
  await lab.waitForConsole();
  await expect(lab.notice).toContainText('could not be read');
  await expect(lab.topology.locator('[data-kind="container"]')).toHaveCount(0);
  // The lab works: a command runs and is saved again.
  await lab.hideLessons();
  await lab.run('docker run -d --name web nginx');
  await expect(lab.node('web', 'container')).toBeVisible();
  expect(await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').lines, SESSION_KEY)).toEqual(['docker run -d --name web nginx']);
  expect(dialogs).toEqual([]);
  await lab.settled(); // the picture refits to the new container: shoot it in place
  await lab.screenshot('90-corrupt-session');
});

test('names a student types are shown as text, never as markup', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.run('docker network create "<b>bold</b>"');
  await lab.run('docker run -d --name x1 nginx');
  await expect(page.locator('b', { hasText: 'bold' })).toHaveCount(0);
  await expect(lab.log).toContainText('<b>bold</b>');
});
