import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

test('a reload keeps the host, the picture, the transcript and the shell', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open({ wide: true });
  await lab.run('docker network create appnet');
  await lab.run('docker run -d --name api --network appnet httpd');
  await lab.run('docker run -d --name web -p 8080:80 nginx');
  await lab.run('ssh laptop');
  const before = await lab.node('api', 'container').getAttribute('data-node-id');

  await page.reload();
  await lab.waitForConsole();
  await expect(lab.notice).toContainText('restored');
  await expect(lab.node('appnet', 'network')).toBeVisible();
  await expect(lab.node('api', 'container')).toHaveAttribute('data-node-id', before ?? '');
  await expect(lab.node('web', 'container')).toBeVisible();
  await expect(lab.log).toContainText('docker network create appnet');
  await expect.poll(() => lab.inputLine()).toBe('student@laptop:~$');
  await lab.run('exit');
  await lab.run('docker ps --format "{{.Names}}"');
  await expect(lab.log).toContainText(/web\s+api/);
  await page.waitForTimeout(400);
  await lab.screenshot('80-after-reload');
});
