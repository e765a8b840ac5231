import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

test('clicking a container shows its address, its veth pair and the commands that show them', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open({ wide: true, lines: ['docker run -dit --name a1 alpine', 'docker run -dit --name a2 alpine'] });
  await lab.clickNode('a2', 'container');
  expect(await lab.inspectorTitle()).toBe('a2');
  const bridge = lab.inspector.locator('[data-network="bridge"]');
  await expect(bridge.locator('[data-row="inspector.ip"] dd')).toHaveText('172.17.0.3/16');
  await expect(bridge.locator('[data-row="inspector.gateway"] dd')).toHaveText('172.17.0.1');
  await expect(bridge.locator('[data-row="inspector.veth"] dd')).toHaveText(/^eth0 \(ifindex \d+, a2\) ↔ veth[0-9a-f]{7} \(ifindex \d+, host\)$/);
  const rows = await lab.inspectorRows();
  expect(rows['Image']).toBe('alpine');
  expect(rows['State']).toBe('running');
  await page.waitForTimeout(400);
  await lab.screenshot('40-inspector-container');

  // A command from the inspector runs in the console, as if typed.
  await lab.inspector.locator('button[data-command="docker exec a2 ip addr"]').click();
  await expect(lab.log).toContainText('inet 172.17.0.3/16');
  // Keyboard: Escape closes the inspector and gives the focus back to the container.
  await page.keyboard.press('Escape');
  await expect(lab.inspector).toBeHidden();
  await expect(lab.node('a2', 'container')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(lab.inspector).toBeVisible();
  await expect(lab.inspector.locator('.inspector-title')).toBeFocused();
});

test('clicking a port badge shows the DNAT rule behind it', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open({ wide: true, lines: ['docker run -d --name web -p 8080:80 nginx'] });
  await lab.topology.locator('[data-kind="port"]').first().click();
  await expect(lab.inspector).toBeVisible();
  await expect(lab.inspector.locator('[data-row="inspector.dnat"] dd')).toContainText('-j DNAT --to-destination 172.17.0.2:80');
  await lab.node('docker0', 'bridge').click();
  await expect(lab.inspector.locator('[data-row="inspector.subnet"] dd')).toHaveText('172.17.0.0/16');
  await expect(lab.inspector.locator('[data-row="inspector.bridgePorts"] dd')).toContainText('web eth0');
});
