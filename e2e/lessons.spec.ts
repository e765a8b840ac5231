import { expect, test } from '@playwright/test';
import { LabPage } from './pages/LabPage';

/**
 * The lessons panel as a student uses it: hints on request, the specific hint after a wrong try,
 * the solution with its Run buttons, restarting, the sandbox, switching language mid-lesson and
 * reloading the page without losing anything.
 */
test('a lesson: hints, a wrong try, the solution, language switch and reload keep the session', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const lab = new LabPage(page);
  await lab.open();
  const panel = page.getByTestId('lessons');
  await expect(panel).toContainText('0 of 12 lessons completed');
  await page.getByTestId('lesson-port-mapping').click();
  const task = page.locator('[data-task="publish-8080"]');
  await expect(task).toHaveAttribute('data-state', 'active');
  // Nothing is judged before the student tries: no "still missing" on opening the lesson.
  await expect(page.getByTestId('lesson-feedback')).toHaveCount(0);

  // Hints come one at a time, general first.
  await task.getByTestId('hint').click();
  await expect(task.getByTestId('lesson-hint')).toHaveCount(1);
  await task.getByTestId('hint').click();
  await expect(task.getByTestId('lesson-hint')).toHaveCount(2);
  await expect(task.getByTestId('hint')).toHaveCount(0);

  // A plausible wrong try: the ports the wrong way round. It does not pass, and says why.
  await lab.run('docker run -d --name web -p 80:8080 nginx');
  await expect(task).toHaveAttribute('data-state', 'active');
  await expect(task.getByTestId('lesson-feedback')).toHaveAttribute('data-why', 'swapped');
  await expect(task.getByTestId('lesson-feedback')).toContainText('-p HOST:CONTAINER, so -p 8080:80');

  // Switching language keeps the host, the lesson and the feedback.
  await page.getByTestId('lang-toggle').click();
  await expect(task.getByTestId('lesson-feedback')).toContainText('所以应该是 -p 8080:80');
  await page.screenshot({ path: 'test-results/screens/lessons/zh-CN-port-mapping-wrong-try.png' });
  await expect(lab.node('web', 'container')).toBeVisible();

  // The solution, run from its buttons.
  await lab.run('docker rm -f web');
  await task.getByTestId('solution').click();
  await task.getByTestId('lesson-solution').locator('button').first().click();
  await expect(task).toHaveAttribute('data-state', 'done');
  const dnat = page.locator('[data-task="dnat"]');
  await expect(dnat).toHaveAttribute('data-state', 'active');
  await dnat.getByTestId('answer-input').fill('192.168.1.10:8080');
  await dnat.getByTestId('answer-check').click();
  await expect(dnat.getByTestId('lesson-feedback')).toHaveAttribute('data-why', 'host-ip');

  // Reload: the host comes back by replay, the lesson and its progress from the browser's storage.
  await page.reload();
  await lab.waitForConsole();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('[data-task="publish-8080"]')).toHaveAttribute('data-state', 'done');
  await expect(page.locator('[data-task="dnat"]')).toHaveAttribute('data-state', 'active');
  await expect(lab.node('web', 'container')).toHaveClass(/state-running/);

  // Restart the lesson: a fresh host, nothing done.
  page.once('dialog', (d) => d.accept());
  await page.getByTestId('lesson-restart').click();
  await expect(page.locator('[data-task="publish-8080"]')).toHaveAttribute('data-state', 'active');
  await expect(lab.node('web', 'container')).toHaveCount(0);

  // The sandbox: out of the lesson, a fresh host to play on, the list one click away.
  await lab.run('docker run -d --name scratch nginx');
  await page.getByTestId('sandbox').click();
  await expect(page.getByTestId('lesson-default-bridge')).toBeVisible();
  await expect(lab.node('scratch', 'container')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a first visit follows the browser language; completing a lesson is remembered', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const lab = new LabPage(page);
  await lab.open();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('lessons')).toContainText('已完成 0/12 课');
  // The lesson's code arrives late: a line typed at once still runs after the lesson's setup.
  await page.route(/LessonRuntime-[^/]*\.js$/, async (route) => {
    await new Promise((r) => setTimeout(r, 600));
    await route.continue();
  });
  await page.getByTestId('lesson-none-mode').click();
  await lab.run('docker run -dit --name isolated --network none alpine');
  await page.locator('[data-task="interfaces"]').getByTestId('answer-input').fill('lo');
  await page.locator('[data-task="interfaces"]').getByTestId('answer-check').click();
  await page.locator('[data-choice="no-route"]').click();
  await expect(page.getByTestId('lesson-done')).toContainText('本课完成');
  await page.reload();
  await lab.waitForConsole();
  await page.getByTestId('lessons-back').click();
  await expect(page.getByTestId('lessons')).toContainText('已完成 1/12 课');
  await expect(page.locator('[data-lesson-item="none-mode"]')).toHaveClass(/done/);
  await context.close();
});
