import { expect, type Locator, type Page } from '@playwright/test';

export const SESSION_KEY = 'docker-network-lab.session.v1';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Whether `inner` lies inside `outer` (screen pixels, with a pixel of slack for strokes). */
export function inside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1;
}

/**
 * The lab as a student sees it: a terminal to type into, a picture to click, an inspector to
 * read, a packet to follow. Specs talk to this object, not to selectors, so a layout change
 * touches one file.
 */
export class LabPage {
  readonly terminal: Locator;
  readonly log: Locator;
  readonly topology: Locator;
  readonly inspector: Locator;
  readonly packetBar: Locator;
  readonly packetDot: Locator;
  readonly notice: Locator;
  readonly shareDialog: Locator;

  constructor(readonly page: Page) {
    this.terminal = page.getByTestId('terminal');
    this.log = page.getByTestId('terminal-log');
    this.topology = page.getByTestId('topology');
    this.inspector = page.getByTestId('inspector');
    this.packetBar = page.getByTestId('packet-bar');
    this.packetDot = page.getByTestId('packet-dot');
    this.notice = page.getByTestId('notice');
    this.shareDialog = page.getByTestId('share-dialog');
  }

  /**
   * Opens an address (a shared link) as a student would, with the browser's storage holding the
   * given saved session first (or nothing), seeded once so a reload keeps what the page did.
   */
  async openLink(url: string, saved: { lines: readonly string[]; seed?: number } | null = null): Promise<void> {
    await this.page.addInitScript(
      ([key, session]) => {
        if (sessionStorage.getItem('e2e-seeded')) return;
        sessionStorage.setItem('e2e-seeded', '1');
        localStorage.clear();
        if (session) localStorage.setItem(key, session);
      },
      [SESSION_KEY, saved ? JSON.stringify({ v: 1, seed: saved.seed ?? 1, lines: saved.lines, history: saved.lines }) : ''] as const,
    );
    await this.page.goto(url);
    await this.waitForConsole();
  }

  /** Opens the Share dialog and reads the link from its field (selected, ready to copy). */
  async shareLink(): Promise<string> {
    await this.page.getByTestId('share').click();
    await expect(this.shareDialog).toBeVisible();
    const field = this.shareDialog.getByTestId('share-link');
    await expect(field).toBeFocused();
    return field.inputValue();
  }

  /**
   * Opens the lab with a clean saved session (or the given lines replayed, as a returning
   * student). The storage is seeded once per test, so a reload keeps what the test did.
   * `wide`: fold the lessons column away, for a picture as wide as the screen allows.
   */
  async open(opts: { lines?: readonly string[]; seed?: number; wide?: boolean } = {}): Promise<void> {
    await this.page.addInitScript(
      ([key, lines, seed]) => {
        if (sessionStorage.getItem('e2e-seeded')) return;
        sessionStorage.setItem('e2e-seeded', '1');
        localStorage.clear();
        if (lines.length) localStorage.setItem(key, JSON.stringify({ v: 1, seed, lines, history: lines }));
      },
      [SESSION_KEY, opts.lines ?? [], opts.seed ?? 1] as const,
    );
    await this.page.goto('./');
    await this.waitForConsole();
    if (opts.wide) await this.hideLessons();
  }

  async waitForConsole(): Promise<void> {
    await expect(this.terminal.locator('.xterm')).toBeVisible();
    await expect(this.topology.locator('[data-kind="host"]')).toBeVisible();
  }

  /** Folds the lessons column away, for a picture as wide as the screen allows. */
  async hideLessons(): Promise<void> {
    const hide = this.page.getByTestId('lessons-hide');
    if (await hide.isVisible()) await hide.click();
  }

  /** Types text into the terminal without pressing Enter. */
  async type(text: string): Promise<void> {
    await this.page.locator('.xterm-helper-textarea').focus();
    await this.page.keyboard.type(text);
  }

  /** Types a line into the terminal as a student would, and waits for it to be run. */
  async run(line: string): Promise<void> {
    const before = await this.log.locator('pre').count();
    await this.type(line);
    await this.page.keyboard.press('Enter');
    await expect(this.log.locator('pre')).toHaveCount(before + 1);
  }

  /** Pastes text into the terminal as the browser does (a paste event with the clipboard's text). */
  async paste(text: string): Promise<void> {
    const ta = this.page.locator('.xterm-helper-textarea');
    await ta.focus();
    await ta.evaluate((el, t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  async press(key: string): Promise<void> {
    await this.page.locator('.xterm-helper-textarea').focus();
    await this.page.keyboard.press(key);
  }

  /** Everything the terminal printed, as plain text (from the accessible log). */
  async terminalText(): Promise<string> {
    return (await this.log.textContent()) ?? '';
  }

  /** The terminal's screen rows as text (what xterm draws). */
  async screenRows(): Promise<string[]> {
    return this.page.locator('.xterm-rows > div').allTextContents();
  }

  /** The row the cursor is on: the prompt and the line being edited. */
  async inputLine(): Promise<string> {
    return this.page.evaluate(() => {
      const rows = [...document.querySelectorAll('.xterm-rows > div')];
      const cursor = document.querySelector('.xterm-rows .xterm-cursor')?.closest('.xterm-rows > div');
      const row = cursor ?? rows.filter((r) => (r.textContent ?? '').trim() !== '').pop();
      return (row?.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd();
    });
  }

  /** A drawn object by name (containers, networks, bridges, interfaces…) and kind. */
  node(name: string, kind?: string): Locator {
    const k = kind ? `[data-kind="${kind}"]` : '';
    return this.topology.locator(`[data-name="${name}"]${k}`);
  }

  byId(id: string): Locator {
    return this.topology.locator(`[data-node-id="${id}"]`);
  }

  async box(l: Locator): Promise<Box> {
    const b = await l.first().boundingBox();
    if (!b) throw new Error('not drawn');
    return b;
  }

  /** Waits until the picture has stopped moving (a refit or a pan is over). */
  async settled(): Promise<void> {
    await expect.poll(() => this.topology.evaluate((svg) => svg.style.transform === '' && svg.querySelectorAll('.leaving').length === 0)).toBe(true);
    await this.page.waitForTimeout(420); // moves animate for 350 ms
  }

  /** The namespace frame (or host frame) a container card is drawn inside. */
  async frameAround(container: string): Promise<{ kind: string; id: string }> {
    await this.settled();
    const f = await this.topology.evaluate((svg, name) => {
      const rect = (e: Element | null | undefined) => e?.querySelector('rect')?.getBoundingClientRect();
      const card = rect(svg.querySelector(`g.item[data-kind="container"][data-name="${CSS.escape(name)}"]`));
      if (!card) return null;
      const inside = (a: DOMRect, b: DOMRect) => a.x >= b.x - 1 && a.y >= b.y - 1 && a.right <= b.right + 1 && a.bottom <= b.bottom + 1;
      // The smallest frame that contains the card.
      const holders = [...svg.querySelectorAll('g.frame')]
        .map((e) => ({ id: e.getAttribute('data-node-id') ?? '', kind: e.getAttribute('data-kind') ?? '', r: rect(e) }))
        .filter((x) => x.r && inside(card, x.r))
        .sort((a, b) => (a.r?.width ?? 0) * (a.r?.height ?? 0) - (b.r?.width ?? 0) * (b.r?.height ?? 0));
      return holders[0] ? { id: holders[0].id, kind: holders[0].kind } : null;
    }, container);
    if (!f) throw new Error(`${container} is in no frame`);
    return f;
  }

  /** The objects drawn inside a frame (by its id), as kind:name. */
  async inFrame(frameId: string): Promise<string[]> {
    await this.settled();
    const frame = await this.box(this.byId(frameId));
    const items = await this.topology.locator('g.item').evaluateAll((els) => els.map((e) => ({ name: `${e.getAttribute('data-kind')}:${e.getAttribute('data-name')}`, r: e.querySelector('rect')?.getBoundingClientRect() })));
    return items.filter((i) => i.r && inside({ x: i.r.x, y: i.r.y, width: i.r.width, height: i.r.height }, frame)).map((i) => i.name);
  }

  /** The interface id of a container's NIC (`eth0` on its frame's top edge) and the host end of its veth pair. */
  async vethPair(container: string, nic = 'eth0'): Promise<{ inside: string; host: string }> {
    const frame = await this.frameAround(container);
    await this.settled();
    const f = await this.box(this.byId(frame.id));
    const pills = await this.topology.locator(`g.item[data-kind="veth"][data-name="${nic}"]`).evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-node-id') ?? '', r: e.querySelector('rect')?.getBoundingClientRect() })));
    // The NIC sits on the frame's top edge: its box straddles the frame's top.
    const mine = pills.find((p) => p.r && p.r.x >= f.x && p.r.x + p.r.width <= f.x + f.width && Math.abs(p.r.y + p.r.height / 2 - f.y) < p.r.height);
    if (!mine) throw new Error(`no ${nic} on the frame of ${container}`);
    const wire = this.topology.locator(`[data-kind="link-veth"][data-target="${mine.id}"]`);
    const host = (await wire.getAttribute('data-source')) ?? '';
    return { inside: mine.id, host };
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

  /** Steps through the packet shown, from its first step, collecting where the packet is at each. */
  async stepThroughPacket(): Promise<{ kind: string; at: string; text: string; x: number; y: number }[]> {
    await expect(this.packetBar).toBeVisible();
    const next = this.page.getByTestId('packet-next');
    const prev = this.page.getByTestId('packet-prev');
    while (await prev.isEnabled()) await prev.click();
    const steps: { kind: string; at: string; text: string; x: number; y: number }[] = [];
    await expect(this.packetDot).not.toHaveAttribute('data-moving', '');
    for (;;) {
      const b = await this.packetDot.boundingBox();
      steps.push({
        kind: (await this.packetDot.getAttribute('data-step-kind')) ?? '',
        at: (await this.packetDot.getAttribute('data-at')) ?? '',
        text: (await this.page.getByTestId('packet-caption').locator('.packet-text').textContent()) ?? '',
        x: b ? b.x + b.width / 2 : NaN,
        y: b ? b.y + b.height / 2 : NaN,
      });
      if (!(await next.isEnabled())) break;
      await next.click();
      // Each step travels its stretch of wire once: wait for the dot to arrive.
      await expect(this.packetDot).not.toHaveAttribute('data-moving', '');
    }
    return steps;
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screens/${name}.png` });
  }
}
