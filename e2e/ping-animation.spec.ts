import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

test('a ping between two containers travels their veth pairs and docker0, and comes back', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open({ wide: true, lines: ['docker run -dit --name a1 alpine', 'docker run -dit --name a2 alpine'] });
  const one = await lab.vethPair('a1');
  const two = await lab.vethPair('a2');
  await lab.run('docker exec a1 ping -c 1 172.17.0.3');
  await expect(lab.log).toContainText('1 packets transmitted, 1 packets received');
  await expect(lab.packetBar).toBeVisible();
  // Caught in flight: the dot is on screen, on its way.
  await page.waitForTimeout(700);
  await expect(lab.packetDot).toBeVisible();
  await lab.screenshot('50-ping-in-flight');

  const steps = await lab.stepThroughPacket();
  const reply = steps.findIndex((s) => s.kind === 'reply');
  const there = steps.slice(0, reply).map((s) => s.at).filter(Boolean);
  const back = steps.slice(reply).map((s) => s.at).filter(Boolean);
  // a1's eth0 → its host end → (docker0) → a2's host end → a2's eth0, then the same wires back.
  const order = (ids: string[], want: string[]) => want.map((w) => ids.indexOf(w));
  const forward = order(there, [one.inside, one.host, two.host, two.inside]);
  expect(forward.every((i) => i >= 0)).toBe(true);
  expect([...forward].sort((a, b) => a - b)).toEqual(forward);
  const backward = order(back, [two.inside, two.host, one.host, one.inside]);
  expect(backward.every((i) => i >= 0)).toBe(true);
  expect([...backward].sort((a, b) => a - b)).toEqual(backward);
  expect(steps.some((s) => s.kind === 'deliver' && /ICMP echo/.test(s.text))).toBe(true);

  // At the step that crosses a1's veth pair, the dot sits on the host end of that wire.
  const cross = steps.find((s) => s.at === one.host);
  const hostEnd = await lab.box(lab.byId(one.host));
  expect(Math.abs((cross?.x ?? 0) - (hostEnd.x + hostEnd.width / 2))).toBeLessThan(3);
  expect(Math.abs((cross?.y ?? 0) - (hostEnd.y + hostEnd.height / 2))).toBeLessThan(3);
  await expect(page.getByTestId('packet-caption')).toContainText('delivered');
  await lab.screenshot('51-ping-delivered');
});

test('the packet can be replayed slowly, step by step', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open({ wide: true, lines: ['docker run -dit --name a1 alpine', 'docker run -dit --name a2 alpine', 'docker exec a1 ping -c 1 172.17.0.3'] });
  // A restored session shows no old packet; a new one does.
  await expect(lab.packetBar).toBeHidden();
  await lab.run('docker exec a2 ping -c 1 172.17.0.2');
  await page.getByTestId('packet-slow').click();
  await expect(page.getByTestId('packet-slow')).toHaveAttribute('aria-pressed', 'true');
  await page.waitForTimeout(1500);
  const at = Number(await lab.packetDot.getAttribute('data-step'));
  expect(at).toBeLessThan(4);
  await page.getByTestId('packet-next').click();
  await expect(lab.packetDot).toHaveAttribute('data-step', String(at + 1));
  await expect(page.getByTestId('packet-slow')).toHaveAttribute('aria-pressed', 'false');
  await page.getByTestId('packet-close').click();
  await expect(lab.packetBar).toBeHidden();
});

test('a ping by name on a user network shows the DNS lookup first, then the ping, once', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open({ wide: true, lines: ['docker network create app', 'docker run -dit --name a1 --network app alpine', 'docker run -dit --name a2 --network app alpine'] });
  await lab.run('docker exec a1 ping -c 3 a2');
  await expect(lab.log).toContainText('3 packets transmitted, 3 packets received');
  const steps = await lab.stepThroughPacket();
  const starts = steps.filter((s) => s.kind === 'start').map((s) => s.text);
  // The embedded DNS answers at 127.0.0.11 first; the three echo requests take one walk, shown once.
  expect(starts).toHaveLength(2);
  expect(starts[0]).toMatch(/DNS query A a2 → 127\.0\.0\.11:53/);
  expect(starts[1]).toMatch(/ICMP echo/);
  expect(steps.filter((s) => s.kind === 'deliver' && /ICMP echo/.test(s.text))).toHaveLength(1);
  await lab.screenshot('52-ping-by-name');
});
