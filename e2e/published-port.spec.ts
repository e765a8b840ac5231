import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

test('curl from the laptop to a published port shows the DNAT on the host\'s eth0', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open({ wide: true });
  await lab.run('docker run -d --name web -p 8080:80 nginx');
  await expect(lab.topology.locator('[data-kind="port"]')).toHaveAttribute('aria-label', /:8080 → web:80/);
  await lab.run('ssh laptop');
  await expect.poll(() => lab.inputLine()).toBe('student@laptop:~$');
  await lab.run('curl 192.168.1.10:8080');
  await expect(lab.log).toContainText('Welcome to nginx!');
  await expect(lab.packetBar).toBeVisible();
  // The rewrite is pinned where it happens: on the host, where the packet came in.
  const note = page.getByTestId('packet-note-nat').first();
  await expect(note).toContainText('DNAT 192.168.1.10:8080 → 172.17.0.2:80', { timeout: 10_000 });
  const eth0 = await lab.box(lab.topology.locator('g.item[data-kind="interface"][data-name="eth0"]').filter({ has: page.locator('text=192.168.1.10/24') }));
  const pin = await note.evaluate((g) => {
    const m = (g as SVGGElement).getScreenCTM();
    return m ? { x: m.e, y: m.f } : null;
  });
  expect(Math.abs((pin?.x ?? 0) - (eth0.x + eth0.width / 2))).toBeLessThan(4);
  await page.waitForTimeout(300);
  await lab.screenshot('60-published-port-dnat');
  // The badge's inspector shows the rule with the packet counted.
  await lab.topology.locator('[data-kind="port"]').click();
  await expect(lab.inspector.locator('[data-row="inspector.dnat"] dd')).toContainText(/\[[1-9]\d* pkts/);
  await lab.screenshot('61-port-inspector');
  await lab.run('exit');
  await expect.poll(() => lab.inputLine()).toBe('root@docker-host:~#');
});
