import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

test('the picture updates in well under a frame with 100 containers', async ({ page }) => {
  const lines = Array.from({ length: 100 }, (_, i) => `docker run -d --name c${i} redis`);
  const lab = new LabPage(page);
  await lab.open({ lines });
  await expect(lab.node('c99', 'container')).toBeVisible();
  const times: number[] = [];
  for (const name of ['extra1', 'extra2', 'extra3']) {
    await lab.run(`docker run -d --name ${name} redis`);
    await expect(lab.node(name, 'container')).toBeVisible();
    times.push(Number(await lab.topology.getAttribute('data-update-ms')));
  }
  console.log(`graph.update with ~100 containers: ${times.map((t) => t.toFixed(1)).join(', ')} ms`);
  await lab.screenshot('20-hundred');
  expect(Math.min(...times)).toBeLessThan(16);
});
