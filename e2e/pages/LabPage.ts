import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The lab as a student sees it: a terminal to type into, a picture to click, an inspector to
 * read. Specs talk to this object, not to selectors, so a layout change touches one file.
 */
export class LabPage {
  readonly terminal: Locator;
  readonly log: Locator;
  readonly topology: Locator;
  readonly inspector: Locator;

  constructor(readonly page: Page) {
    this.terminal = page.getByTestId('terminal');
    this.log = page.getByTestId('terminal-log');
    this.topology = page.getByTestId('topology');
    this.inspector = page.getByTestId('inspector');
  }

  /** Opens the lab with a clean saved session (or the given lines replayed, as a returning student). */
  async open(opts: { lines?: readonly string[]; seed?: number } = {}): Promise<void> {
    await this.page.addInitScript(
      ([lines, seed]) => {
        if (sessionStorage.getItem('e2e-seeded')) return;
        sessionStorage.setItem('e2e-seeded', '1');
        localStorage.clear();
        if (lines.length) localStorage.setItem('docker-network-lab.session.v1', JSON.stringify({ v: 1, seed, lines, history: lines }));
      },
      [opts.lines ?? [], opts.seed ?? 1] as const,
    );
    await this.page.goto('./');
    await this.waitForConsole();
  }

  async waitForConsole(): Promise<void> {
    await expect(this.terminal.locator('.xterm')).toBeVisible();
    await expect(this.topology.locator('[data-kind="host"]')).toBeVisible();
  }

  /** Types a line into the terminal as a student would, and waits for it to be run. */
  async run(line: string): Promise<void> {
    const before = await this.log.locator('pre').count();
    await this.terminal.click();
    await this.page.keyboard.type(line);
    await this.page.keyboard.press('Enter');
    await expect(this.log.locator('pre')).toHaveCount(before + 1);
  }

  /** Everything the terminal printed, as plain text (from the accessible log). */
  async terminalText(): Promise<string> {
    return (await this.log.textContent()) ?? '';
  }

  node(name: string, kind?: string): Locator {
    const k = kind ? `[data-kind="${kind}"]` : '';
    return this.topology.locator(`[data-name="${name}"]${k}`);
  }

  async clickNode(name: string, kind?: string): Promise<void> {
    await this.node(name, kind).first().click();
    await expect(this.inspector).toBeVisible();
  }

  /** The inspector's rows as label → value. */
  async inspectorRows(): Promise<Record<string, string>> {
    const rows = await this.inspector.locator('.inspector-row').all();
    const out: Record<string, string> = {};
    for (const r of rows) {
      const k = (await r.locator('dt').textContent()) ?? '';
      const v = (await r.locator('dd').textContent()) ?? '';
      if (!(k in out)) out[k] = v;
    }
    return out;
  }

  async inspectorTitle(): Promise<string> {
    return (await this.inspector.locator('.inspector-title').textContent()) ?? '';
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screens/${name}.png` });
  }
}
