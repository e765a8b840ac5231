import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parseScenario, type Scenario, type Step } from '../src/lessons/scenario/schema';
import { LabPage } from './pages/LabPage';

/**
 * Every scenario in scenarios/ played through the real page: lines typed into the terminal,
 * nodes clicked in the picture, answers typed into the lessons panel, expectations read from the
 * accessible terminal log, the picture's data attributes, the inspector and the panel.
 * One scenario: `npx playwright test e2e/scenarios.spec.ts -g "TITLE"`.
 * Lesson solutions run in English and in Chinese (the steps name ids, not words), and leave
 * screenshots of each lesson's start and done states in test-results/screens/lessons/.
 */
const DIR = join(import.meta.dirname, '..', 'scenarios');
const scenarios = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => ({ file, scenario: parseScenario(file, readFileSync(join(DIR, file), 'utf8')) }));

async function setLang(page: Page, lang: string) {
  if ((await page.locator('html').getAttribute('lang')) !== lang) await page.getByTestId('lang-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

async function lastOutput(lab: LabPage): Promise<string> {
  return (await lab.log.locator('pre').last().textContent()) ?? '';
}

async function play(lab: LabPage, step: Step): Promise<void> {
  const { page } = lab;
  if ('run' in step) return lab.run(step.run);
  if ('click' in step) return lab.clickNode(step.click.name, step.click.kind);
  if ('answer' in step) {
    const task = page.locator(`[data-task="${step.answer.task}"]`);
    const choice = task.locator(`[data-choice="${step.answer.text}"]`);
    if (await choice.count()) return choice.click();
    await task.getByTestId('answer-input').fill(step.answer.text);
    return task.getByTestId('answer-check').click();
  }
  if ('expectOutput' in step) {
    const { contains, matches } = step.expectOutput;
    if (contains !== undefined) await expect.poll(() => lastOutput(lab)).toContain(contains);
    if (matches !== undefined) await expect.poll(() => lastOutput(lab)).toMatch(new RegExp(matches));
    return;
  }
  if ('expectNode' in step) {
    const e = step.expectNode;
    const node = lab.node(e.name, e.kind);
    if (e.exists === false) return expect(node).toHaveCount(0);
    await expect(node.first()).toBeVisible();
    if (e.state !== undefined) await expect(node.first()).toHaveClass(new RegExp(`\\bstate-${e.state.toLowerCase()}\\b`));
    return;
  }
  if ('expectInspector' in step) {
    const { contains, matches } = step.expectInspector;
    if (contains !== undefined) await expect(lab.inspector).toContainText(contains);
    if (matches !== undefined) await expect(lab.inspector).toHaveText(new RegExp(matches));
    return;
  }
  if ('expectTask' in step) {
    const e = step.expectTask;
    const task = page.locator(`[data-task="${e.task}"]`);
    if (e.done) await expect(task).toHaveAttribute('data-state', 'done');
    else await expect(task).not.toHaveAttribute('data-state', 'done');
    if (e.hint !== undefined) await expect(task.getByTestId('lesson-feedback')).toHaveAttribute('data-why', e.hint);
    return;
  }
  if (step.expectLessonDone) await expect(page.getByTestId('lesson-done')).toBeVisible();
  else await expect(page.getByTestId('lesson-done')).toHaveCount(0);
}

async function playScenario(page: Page, sc: Scenario, lang: string, shots: boolean) {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const lab = new LabPage(page);
  await lab.open();
  await setLang(page, lang);
  if (sc.lesson) {
    await page.getByTestId(`lesson-${sc.lesson}`).click();
    await expect(page.locator(`[data-lesson="${sc.lesson}"]`)).toBeVisible();
    if (shots) await page.screenshot({ path: `test-results/screens/lessons/${lang}-${sc.lesson}-start.png` });
  }
  for (const [i, step] of sc.steps.entries()) {
    await test.step(`${i + 1}: ${JSON.stringify(step)}`, () => play(lab, step));
  }
  if (sc.lesson && shots) {
    await page.getByTestId('lesson-done').scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `test-results/screens/lessons/${lang}-${sc.lesson}-done.png` });
  }
  expect(errors).toEqual([]);
}

test.describe('scenarios', () => {
  for (const { file, scenario } of scenarios) {
    const solution = file.endsWith('.solution.json');
    // A solution runs in both languages; other scenarios in the language they name (English by default).
    const langs = scenario.lang ? [scenario.lang] : solution ? ['en', 'zh-CN'] : ['en'];
    for (const lang of langs) {
      test(`${scenario.title} [${lang}] (${file})`, async ({ page }) => {
        test.setTimeout(120_000);
        await playScenario(page, scenario, lang, solution);
      });
    }
  }
});
