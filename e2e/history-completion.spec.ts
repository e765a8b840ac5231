import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

test('Tab completes commands, subcommands, flags, container and network names', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open({ wide: true, lines: ['docker run -d --name web nginx'] });
  await lab.type('docker ru');
  await lab.press('Tab');
  await expect.poll(() => lab.inputLine()).toBe('root@docker-host:~# docker run');
  await lab.type('--netw');
  await lab.press('Tab');
  await expect.poll(() => lab.inputLine()).toBe('root@docker-host:~# docker run --network');
  await lab.press('Control+U');
  await lab.type('docker exec w');
  await lab.press('Tab');
  await expect.poll(() => lab.inputLine()).toBe('root@docker-host:~# docker exec web');
  await lab.press('Control+U');
  await lab.type('docker network inspect br');
  await lab.press('Tab');
  await expect.poll(() => lab.inputLine()).toBe('root@docker-host:~# docker network inspect bridge');
  await lab.press('Control+U');
  // Two candidates: a second Tab lists them.
  await lab.type('docker network ');
  await lab.press('Tab');
  await lab.press('Tab');
  const rows = (await lab.screenRows()).join('\n');
  expect(rows).toMatch(/connect\s+create\s+disconnect\s+inspect\s+ls\s+prune\s+rm/);
  await lab.screenshot('70-tab-completion');
});

test('history: arrows recall lines, Ctrl-A/E/U edit, Ctrl-C abandons, and history survives a reload', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open({ wide: true });
  await lab.run('docker network ls');
  await lab.run('docker ps');
  await lab.press('ArrowUp');
  await expect.poll(() => lab.inputLine()).toBe('root@docker-host:~# docker ps');
  await lab.press('ArrowUp');
  await expect.poll(() => lab.inputLine()).toBe('root@docker-host:~# docker network ls');
  await lab.press('ArrowDown');
  await lab.press('Control+A');
  await lab.type('sudo ');
  await expect.poll(() => lab.inputLine()).toBe('root@docker-host:~# sudo docker ps');
  await lab.press('Control+E');
  await lab.type(' -a');
  await expect.poll(() => lab.inputLine()).toBe('root@docker-host:~# sudo docker ps -a');
  await lab.press('Control+U');
  await expect.poll(() => lab.inputLine()).toBe('root@docker-host:~#');
  await lab.type('something half typed');
  await lab.press('Control+C');
  await expect(lab.log).toContainText('something half typed');
  await expect.poll(() => lab.inputLine()).toBe('root@docker-host:~#');

  await page.reload();
  await lab.waitForConsole();
  await lab.press('ArrowUp');
  await expect.poll(() => lab.inputLine()).toBe('root@docker-host:~# docker ps');
});

test('a pasted block runs line by line, and the shell follows exec and Ctrl-P Ctrl-Q', async ({ page }) => {
  const lab = new LabPage(page);
  await lab.open({ wide: true });
  await lab.paste('docker run -dit --name a1 alpine\ndocker run -dit --name a2 alpine\n');
  await expect(lab.node('a2', 'container')).toBeVisible();
  await expect(lab.log.locator('pre')).toHaveCount(2);
  await lab.run('docker exec -it a1 sh');
  await expect.poll(() => lab.inputLine()).toBe('/ #');
  await lab.run('hostname');
  await lab.run('exit');
  await expect.poll(() => lab.inputLine()).toBe('root@docker-host:~#');
  await lab.run('docker attach a2');
  await expect.poll(() => lab.inputLine()).toBe('/ #');
  await lab.press('Control+P');
  await lab.press('Control+Q');
  await expect(lab.log).toContainText('read escape sequence');
  await expect.poll(() => lab.inputLine()).toBe('root@docker-host:~#');
});
