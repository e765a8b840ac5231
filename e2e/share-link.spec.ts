import { expect, test, type Page } from '@playwright/test';
import { LabPage, SESSION_KEY } from './pages/LabPage';

const LINES = ['docker network create app', 'docker run -dit --name a1 --network app alpine'];

const savedLines = (page: Page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{}').lines as unknown, SESSION_KEY);

/** Every window.confirm the page shows, answered with `accept`. */
function answerDialogs(page: Page, accept: boolean): string[] {
  const seen: string[] = [];
  page.on('dialog', (d) => {
    seen.push(`${d.type()}: ${d.message()}`);
    void (accept ? d.accept() : d.dismiss());
  });
  return seen;
}

test('a teacher shares a lab as a link; a fresh browser and one with another session open it', async ({ page, browser, baseURL }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const teacher = new LabPage(page);
  await teacher.open({ wide: true });

  // Nothing typed yet: nothing to share.
  await page.getByTestId('share').click();
  await expect(teacher.shareDialog.getByTestId('share-empty')).toContainText('Nothing to share yet');
  await page.keyboard.press('Escape');
  await expect(teacher.shareDialog).toBeHidden();

  for (const l of LINES) await teacher.run(l);
  const link = await teacher.shareLink();
  expect(link.startsWith(`${baseURL}/#lab=`)).toBe(true);
  await expect(teacher.shareDialog).toContainText('carries the commands typed');
  // The field is selected on open: Ctrl+C copies it even where the clipboard API is refused.
  expect(await teacher.shareDialog.getByTestId('share-link').evaluate((el: HTMLInputElement) => el.selectionEnd! - el.selectionStart!)).toBe(link.length);
  await teacher.shareDialog.getByTestId('share-copy').click();
  await expect(teacher.shareDialog.getByTestId('share-status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await teacher.screenshot('95-share-dialog');
  await page.keyboard.press('Escape');
  await expect(teacher.shareDialog).toBeHidden();

  // A student's browser with nothing saved: the lab opens without a question.
  const fresh = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  const studentPage = await fresh.newPage();
  const asked = answerDialogs(studentPage, true);
  const student = new LabPage(studentPage);
  await student.openLink(link);
  await student.hideLessons();
  await expect(student.node('a1', 'container')).toBeVisible();
  await expect(student.node('app', 'network')).toBeVisible();
  await expect(student.notice).toHaveText(/Opened a shared lab \(2 commands\)/);
  expect(asked).toEqual([]);
  expect(new URL(studentPage.url()).hash).toBe('');
  expect(await savedLines(studentPage)).toEqual(LINES);
  // A reload restores the lab as usual and does not ask again.
  await studentPage.reload();
  await student.waitForConsole();
  await expect(student.node('a1', 'container')).toBeVisible();
  await expect(student.notice).toContainText('restored');
  expect(asked).toEqual([]);
  await fresh.close();

  // A browser with another session: asked first, and the shared lab replaces it.
  const other = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  const otherPage = await other.newPage();
  const asked2 = answerDialogs(otherPage, true);
  const second = new LabPage(otherPage);
  await second.openLink(link, { lines: ['docker run -d --name web nginx'] });
  await second.hideLessons();
  expect(asked2).toEqual(['confirm: This link opens a shared lab (2 commands). Replace your current lab (1 command) with it?']);
  await expect(second.node('a1', 'container')).toBeVisible();
  await expect(second.node('web', 'container')).toHaveCount(0);
  await expect(second.notice).toContainText('Opened a shared lab (2 commands)');
  expect(await savedLines(otherPage)).toEqual(LINES);
  await other.close();
});

test('declining the question keeps the session the browser had', async ({ browser, baseURL }) => {
  const teacherCtx = await browser.newContext();
  const t = new LabPage(await teacherCtx.newPage());
  await t.open();
  await t.run('docker network create app');
  const link = await t.shareLink();
  await teacherCtx.close();

  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const asked = answerDialogs(page, false);
  const lab = new LabPage(page);
  await lab.openLink(link, { lines: ['docker run -d --name web nginx'] });
  await lab.hideLessons();
  expect(asked).toHaveLength(1);
  await expect(lab.node('web', 'container')).toBeVisible();
  await expect(lab.node('app', 'network')).toHaveCount(0);
  expect(await savedLines(page)).toEqual(['docker run -d --name web nginx']);
  expect(page.url()).toBe(`${baseURL}/`);
  await ctx.close();
});

test('a garbage link opens the lab as usual with a notice', async ({ page, baseURL }) => {
  const asked = answerDialogs(page, true);
  const lab = new LabPage(page);
  await lab.openLink('./#lab=xyz', { lines: ['docker network create keep'] });
  await expect(lab.notice).toContainText('shared lab link could not be read');
  expect(page.url()).toBe(`${baseURL}/`);
  expect(asked).toEqual([]);
  await lab.hideLessons();
  await expect(lab.node('keep', 'network')).toBeVisible();
  await lab.run('docker run -d --name web nginx');
  await expect(lab.node('web', 'container')).toBeVisible();
  expect(await savedLines(page)).toEqual(['docker network create keep', 'docker run -d --name web nginx']);
});

test('a refused clipboard leaves the link selected with a hint', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
  });
  const lab = new LabPage(page);
  await lab.open();
  await lab.run('docker network create app');
  const link = await lab.shareLink();
  await lab.shareDialog.getByTestId('share-copy').click();
  await expect(lab.shareDialog.getByTestId('share-status')).toContainText('press Ctrl+C');
  const field = lab.shareDialog.getByTestId('share-link');
  await expect(field).toBeFocused();
  expect(await field.evaluate((el: HTMLInputElement) => el.selectionEnd! - el.selectionStart!)).toBe(link.length);
});
