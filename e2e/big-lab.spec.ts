import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

// Timings live in `npm run bench` (headless Chromium, medians); this only checks a big lab works.
test('a hundred containers are drawn, and a new one appears with them', async ({ page }) => {
  const lines = Array.from({ length: 100 }, (_, i) => `docker run -d --name c${i} redis`);
  const lab = new LabPage(page);
  await lab.open({ wide: true, lines });
  await expect(lab.node('c99', 'container')).toBeVisible();
  await expect(lab.topology.locator('g.frame[data-kind="netns"]')).toHaveCount(100);
  await lab.run('docker run -d --name extra1 redis');
  await expect(lab.node('extra1', 'container')).toBeVisible();
  await expect(lab.topology.locator('[data-kind="link-veth"]')).toHaveCount(101);
  await lab.screenshot('20-hundred');
});
