import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

// A returning student's session (replayed from saved lines): every network mode at once.
const CLASSROOM = [
  'docker network create appnet',
  'docker run -d --name web -p 8080:80 nginx',
  'docker run -d --name api --network appnet -p 3000:80 httpd',
  'docker run -d --name db --network appnet redis',
  'docker network connect appnet web',
  'docker run -d --name metrics --network host redis',
  'docker run -dit --name isolated --network none alpine',
  'docker run -dit --name sidecar --network container:web alpine',
  'docker run -d --name old nginx',
  'docker stop old',
];

test('every network mode in one picture, light and dark', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open({ lines: CLASSROOM });
  for (const name of ['web', 'api', 'db', 'metrics', 'isolated', 'sidecar', 'old']) await expect(lab.node(name, 'container')).toBeVisible();
  await expect(lab.node('appnet', 'network')).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText('restored');
  await page.waitForTimeout(500);
  await lab.screenshot('10-classroom');
  await page.getByTestId('theme-toggle').click();
  await page.waitForTimeout(300);
  await lab.screenshot('11-classroom-dark');
  await lab.clickNode('web', 'container');
  await expect(lab.inspector.locator('[data-network="appnet"]')).toBeVisible();
  await lab.screenshot('12-classroom-dark-inspector');
});

test('undo removes what the last command built', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open();
  await lab.run('docker run -d --name web nginx');
  await expect(lab.node('web', 'container')).toBeVisible();
  await page.getByTestId('undo').click();
  await expect(lab.node('web', 'container')).toHaveCount(0);
  await page.getByTestId('redo').click();
  await expect(lab.node('web', 'container')).toBeVisible();
});
