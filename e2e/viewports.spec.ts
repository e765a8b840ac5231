import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

const LAB = ['docker network create appnet', 'docker run -d --name web -p 8080:80 nginx', 'docker run -d --name api --network appnet httpd', 'docker run -dit --name side --network container:web alpine'];

for (const [name, width, height] of [['laptop', 1280, 720], ['projector', 1920, 1080], ['narrow', 820, 1000]] as const) {
  test(`the lab fits a ${name} screen (${width}×${height})`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const lab = new LabPage(page);
    await lab.open({ wide: name !== 'projector', lines: LAB });
    await expect(lab.node('web', 'container')).toBeVisible();
    // Nothing spills out of the window.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth && document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
    for (const l of [lab.terminal, lab.topology]) {
      const b = await lab.box(l);
      expect(b.width).toBeGreaterThan(200);
      expect(b.height).toBeGreaterThan(200);
    }
    await page.waitForTimeout(500);
    await lab.screenshot(`95-${name}`);
  });
}

test('the split between picture and terminal moves with the keyboard', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open({ wide: true });
  const handle = page.getByTestId('split-handle');
  const before = Number(await handle.getAttribute('aria-valuenow'));
  const w0 = (await lab.box(lab.topology)).width;
  await handle.focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(handle).toHaveAttribute('aria-valuenow', String(before + 10));
  await expect.poll(async () => (await lab.box(lab.topology)).width).toBeGreaterThan(w0 + 50);
});
