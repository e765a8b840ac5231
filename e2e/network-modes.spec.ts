import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

// The four network modes of the seed notes, typed at the console one by one, and how each is drawn.

test.describe('network modes typed into the console', () => {
  test('bridge: a namespace of its own, wired to docker0 by a veth pair', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open({ wide: true });
    await lab.run('docker run -dit --name b1 alpine');
    await expect(lab.node('b1', 'container')).toBeVisible();
    const frame = await lab.frameAround('b1');
    expect(frame.kind).toBe('netns');
    const pair = await lab.vethPair('b1');
    const eth0 = lab.byId(pair.inside);
    await expect(eth0).toHaveAttribute('aria-label', /172\.17\.0\.2\/16/);
    // The host end is plugged into docker0.
    await expect(lab.topology.locator(`[data-kind="link-bridge-port"][data-source="${pair.host}"]`)).toHaveAttribute('data-target', (await lab.node('docker0', 'bridge').getAttribute('data-node-id')) ?? '');
    expect(await lab.inFrame(frame.id)).toEqual(expect.arrayContaining(['container:b1', 'interface:lo']));
    await page.waitForTimeout(400);
    await lab.screenshot('30-mode-bridge');
  });

  test('host: drawn inside the host frame, with no namespace or veth of its own', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open({ wide: true });
    const veths = await lab.topology.locator('[data-kind="link-veth"]').count();
    await lab.run('docker run -d --name h1 --network host nginx');
    await expect(lab.node('h1', 'container')).toBeVisible();
    expect(await lab.frameAround('h1')).toEqual({ kind: 'host', id: 'host' });
    await expect(lab.topology.locator('g.frame[data-kind="netns"]')).toHaveCount(0);
    await expect(lab.topology.locator('[data-kind="link-veth"]')).toHaveCount(veths);
    await expect(lab.node('h1', 'container')).toHaveAttribute('aria-label', /host/);
    await page.waitForTimeout(400);
    await lab.screenshot('31-mode-host');
  });

  test('container:X: drawn inside X\'s frame, sharing its interfaces', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open({ wide: true });
    await lab.run('docker run -dit --name b1 alpine');
    await lab.run('docker run -dit --name side --network container:b1 alpine');
    await expect(lab.node('side', 'container')).toBeVisible();
    const frame = await lab.frameAround('side');
    expect(frame).toEqual(await lab.frameAround('b1'));
    await expect(lab.topology.locator('g.frame[data-kind="netns"]')).toHaveCount(1);
    const sideId = await lab.node('side', 'container').getAttribute('data-node-id');
    await expect(lab.topology.locator(`[data-kind="link-shared"][data-source="${sideId}"]`)).toHaveCount(1);
    await expect(lab.node('side', 'container')).toHaveAttribute('aria-label', /container:b1/);
    await page.waitForTimeout(400);
    await lab.screenshot('32-mode-container');
  });

  test('none: a namespace alone with lo, no veth and no address on a bridge', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open({ wide: true });
    await lab.run('docker run -dit --name n1 --network none alpine');
    await expect(lab.node('n1', 'container')).toBeVisible();
    const frame = await lab.frameAround('n1');
    expect(frame.kind).toBe('netns');
    expect((await lab.inFrame(frame.id)).sort()).toEqual(['container:n1', 'interface:lo']);
    await expect(lab.topology.locator('[data-kind="link-veth"]')).toHaveCount(0);
    await page.waitForTimeout(400);
    await lab.screenshot('33-mode-none');
  });

  test('all four side by side, and a stopped container looks stopped', async ({ page }) => {
    const lab = new LabPage(page);
    await lab.open({
      wide: true,
      lines: [
        'docker run -dit --name b1 alpine',
        'docker run -d --name web -p 8080:80 nginx',
        'docker run -d --name h1 --network host nginx',
        'docker run -dit --name side --network container:b1 alpine',
        'docker run -dit --name n1 --network none alpine',
        'docker run -d --name old redis',
        'docker stop old',
      ],
    });
    await expect(lab.node('old', 'container')).toHaveClass(/state-exited/);
    await expect(lab.node('web', 'container')).toHaveClass(/state-running/);
    await page.waitForTimeout(500);
    await lab.screenshot('34-modes-together');
  });
});
