import type { Page, Request } from '@playwright/test';

/**
 * The in-page half of the browser bench: probes installed before the app starts (so nothing in
 * the app exists for the bench's sake but one User Timing mark, `dnl:picture-updated`, set when
 * the graph caught up with the World).
 */

export const SESSION_KEY = 'docker-network-lab.session.v1';
export const PICTURE_MARK = 'dnl:picture-updated';

/** Saves a session before the app loads, so it starts by replaying these lines. */
export async function seedSession(page: Page, lines: readonly string[]): Promise<void> {
  await page.addInitScript(
    ([key, saved]) => {
      localStorage.clear();
      if (saved) localStorage.setItem(key, saved);
    },
    [SESSION_KEY, lines.length ? JSON.stringify({ v: 1, seed: 1, lines, history: [] }) : ''] as const,
  );
}

/**
 * Records when the first prompt is drawn in the terminal's rows (console ready), and the time
 * stamp of every Enter keydown (captured before xterm handles it).
 */
// Plain JavaScript source: tsx (esbuild) wraps named functions in a `__name` helper that does not
// exist in the page, so functions that create inner functions are passed as text.
const PROBES = `
  window.__bench = { ready: -1, enters: [] };
  var pending = null;
  var channel = new MessageChannel();
  function forceLayout() {
    var t = performance.now();
    document.documentElement.getBoundingClientRect();
    var vp = document.querySelector('[data-testid="topology"] g.viewport');
    if (vp) vp.getBBox();
    return performance.now() - t;
  }
  // Next task: the browser has usually rendered a frame by then (input is followed by a frame).
  channel.port1.onmessage = function () {
    if (!pending) return;
    pending.frame = performance.now() - pending.start;
    window.__bench.enters.push(pending);
    pending = null;
  };
  window.addEventListener('keydown', function (e) {
    if (e.key !== 'Enter') return;
    pending = { start: e.timeStamp };
    channel.port2.postMessage(0);
  }, true);
  // Registered on xterm's textarea after xterm's own (capturing) listener, so it runs once the
  // line has been run and the picture updated; its microtask runs after React's (queued during
  // the update). Capturing too: xterm stops propagation, which skips the target's other listeners.
  function onTextarea(ta) {
    ta.addEventListener('keydown', function (e) {
      if (e.key !== 'Enter' || !pending) return;
      queueMicrotask(function () {
        if (!pending) return;
        var p = pending;
        var mark = performance.getEntriesByName('dnl:picture-updated')[0];
        p.updated = !!mark && mark.startTime >= p.start;
        p.js = performance.now() - p.start;
        p.layout = forceLayout();
        p.total = p.js + p.layout;
      });
    }, true);
  }
  new MutationObserver(function (_m, obs) {
    var ta = document.querySelector('.xterm-helper-textarea');
    if (ta && !ta.__benchProbe) { ta.__benchProbe = true; onTextarea(ta); }
    var rows = document.querySelector('.xterm-rows');
    if (rows && (rows.textContent || '').indexOf('docker-host:~#') >= 0 && window.__bench.ready < 0) {
      window.__bench.ready = performance.now();
    }
    if (ta && window.__bench.ready >= 0) obs.disconnect();
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

/**
 * Records when the first prompt is drawn in the terminal's rows (console ready), and the time
 * stamp of every Enter keydown (captured before xterm handles it).
 */
export async function installProbes(page: Page): Promise<void> {
  await page.addInitScript({ content: PROBES });
}

export async function consoleReadyMs(page: Page): Promise<number> {
  await page.waitForFunction(() => (window as unknown as { __bench: { ready: number } }).__bench.ready >= 0, undefined, { timeout: 60_000 });
  return page.evaluate(() => (window as unknown as { __bench: { ready: number } }).__bench.ready);
}

export interface EnterTiming {
  /** Enter → the picture's DOM updated (the line run, the graph and React re-rendered) + style and layout. */
  readonly total: number;
  readonly js: number;
  readonly layout: number;
  /** Enter → the next task, after the frame the browser renders following the key (paint included). */
  readonly frame: number;
}

/**
 * Types a line and presses Enter; returns how long the page took to show the change. `total` is
 * from the keydown's time stamp to the end of everything the key set off synchronously (the
 * store, the graph's DOM update, React's re-render), plus the style recalculation and layout the
 * browser needs before it can paint (forced and timed right then). `frame` also counts the first
 * frame rendered after the key (xterm's redraw, paint, compositing) as seen from the next task.
 */
export async function enterToPicture(page: Page, line: string): Promise<EnterTiming> {
  await page.locator('.xterm-helper-textarea').focus();
  if (line) await page.keyboard.type(line);
  await page.evaluate(`performance.clearMarks(${JSON.stringify(PICTURE_MARK)})`);
  const n0 = (await page.evaluate('window.__bench.enters.length')) as number;
  await page.keyboard.press('Enter');
  await page.waitForFunction(`window.__bench.enters.length > ${n0}`);
  const r = (await page.evaluate(`window.__bench.enters[${n0}]`)) as EnterTiming & { updated: boolean };
  if (!r.updated) throw new Error(`the picture did not change after: ${line}`);
  return r;
}

const FPS_START = `(function () {
  window.__fps = { frames: [], on: true };
  function tick(t) {
    if (!window.__fps.on) return;
    window.__fps.frames.push(t);
    requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
})()`;

const FPS_STOP = `(function () {
  window.__fps.on = false;
  var f = window.__fps.frames;
  var worst = 0;
  for (var i = 1; i < f.length; i++) worst = Math.max(worst, f[i] - f[i - 1]);
  return { fps: f.length > 1 ? ((f.length - 1) * 1000) / (f[f.length - 1] - f[0]) : 0, worstMs: worst };
})()`;

/** Frames per second while `act` runs, counted with requestAnimationFrame over at least `ms`. */
export async function fpsDuring(page: Page, ms: number, act: () => Promise<void>): Promise<{ fps: number; worstMs: number }> {
  await page.evaluate(FPS_START);
  const t0 = Date.now();
  await act();
  const left = ms - (Date.now() - t0);
  if (left > 0) await page.waitForTimeout(left);
  return page.evaluate(FPS_STOP) as Promise<{ fps: number; worstMs: number }>;
}

/** A script the page asked for: its URL's file name, the full URL, and the request (for its body). */
export interface ScriptRequest {
  readonly file: string;
  readonly url: string;
  readonly request: Request;
}

/**
 * Records every script the page requests from the moment it is called: the entry, modulepreload
 * links, dynamic imports (chunks fetched on demand) and workers; by resource type `script`, or by
 * a path ending in `.js`/`.mjs` (whatever the browser called it). Call before `goto`; the array
 * grows as the page loads more, in request order, each file once.
 */
export function recordScripts(page: Page): ScriptRequest[] {
  const seen: ScriptRequest[] = [];
  page.on('request', (request) => {
    const u = new URL(request.url());
    if (u.protocol === 'data:' || u.protocol === 'blob:') return;
    if (request.resourceType() !== 'script' && !/\.m?js$/.test(u.pathname)) return;
    const file = decodeURIComponent(u.pathname.split('/').pop() ?? '');
    if (!seen.some((s) => s.file === file)) seen.push({ file, url: request.url(), request });
  });
  return seen;
}
