import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

test('the lab loads, runs a container and shows it in the picture and the inspector', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const lab = new LabPage(page);
  await lab.open();
  await expect(page.getByRole('heading', { name: 'Docker Network Lab' })).toBeVisible();
  await expect(lab.node('docker0', 'bridge')).toBeVisible();
  await lab.screenshot('01-fresh');

  await lab.run('docker run -d --name web -p 8080:80 nginx');
  expect(await lab.terminalText()).toContain('docker run -d --name web -p 8080:80 nginx');
  await expect(lab.node('web', 'container')).toBeVisible();
  await page.waitForTimeout(600); // let the entry animation settle for the screenshot
  await lab.screenshot('02-web');

  await lab.clickNode('web', 'container');
  expect(await lab.inspectorTitle()).toBe('web');
  const rows = await lab.inspectorRows();
  expect(rows.Image).toBe('nginx');
  expect(rows.State).toBe('running');
  await expect(lab.inspector).toContainText('172.17.0.2/16');
  await lab.screenshot('03-inspector');

  await lab.inspector.getByRole('button', { name: 'Run' }).nth(1).click();
  await expect(lab.log).toContainText('docker exec web ip addr');
  await page.keyboard.press('Escape');
  await expect(lab.inspector).toBeHidden();
  expect(errors).toEqual([]);
});
