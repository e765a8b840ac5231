/**
 * The browser half of `npm run bench` (bench/run.mjs starts `vite preview` and passes its URL):
 * headless Chromium measures what a student feels. Medians over several runs.
 *
 *   - first load: navigation start → the first prompt drawn in the terminal (target < 1 s);
 *   - Enter → updated picture with 100 and 1,000 containers (targets 16.7 ms and 50 ms);
 *   - frames per second with 200 and 1,000 containers while the picture pans, while the layout
 *     moves (a new network shifts every frame down) and while a packet animates (targets 50 / 30);
 *   - the JavaScript a first visit loads (fresh storage), gzip: every script Chromium requested
 *     (entry, modulepreloads, dynamic imports) by the console ready + 1.5 s idle (target ≤ 250 KiB);
 *     then also after the first command (`docker ps`, which fetches the command line's chunk), and
 *     every chunk in dist/assets, for reference;
 *   - requests that leave localhost (target 0).
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { consoleReadyMs, enterToPicture, fpsDuring, installProbes, recordScripts, seedSession, type ScriptRequest } from './browserPage';

const url = process.argv[2] ?? 'http://127.0.0.1:4320/';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

interface Row {
  readonly what: string;
  readonly value: number;
  readonly unit: string;
  readonly target: string;
  readonly ok: boolean;
  readonly runs: readonly number[];
}
const rows: Row[] = [];
function report(what: string, runs: readonly number[], unit: string, target: string, ok: (v: number) => boolean) {
  const value = median(runs);
  const row = { what, value, unit, target, ok: ok(value), runs };
  rows.push(row);
  console.log(`  ${what}: ${value.toFixed(1)} ${unit}  (runs: ${runs.map((r) => r.toFixed(1)).join(', ')})`);
}

const containers = (n: number) => Array.from({ length: n }, (_, i) => `docker run -d --name c${i} redis`);

async function openLab(browser: Browser, lines: readonly string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  await seedSession(page, lines);
  await installProbes(page);
  await page.goto(url);
  await consoleReadyMs(page);
  if (lines.length) await page.locator(`[data-name="c${lines.length - 1}"][data-kind="container"]`).waitFor({ state: 'attached', timeout: 120_000 });
  await page.waitForTimeout(800); // entry animations and the first fit settle
  return page;
}

async function firstLoad(browser: Browser) {
  const ready: number[] = [];
  let external = 0;
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.newPage();
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.hostname !== '127.0.0.1' && u.hostname !== 'localhost' && u.protocol !== 'data:') external++;
    });
    await seedSession(page, []);
    await installProbes(page);
    await page.goto(url);
    ready.push(await consoleReadyMs(page));
    await page.close();
  }
  report('first load → console ready', ready, 'ms', '< 1000 ms', (v) => v < 1000);
  rows.push({ what: 'requests leaving localhost', value: external, unit: '', target: '0', ok: external === 0, runs: [external] });
  console.log(`  requests leaving localhost: ${external}`);
}

async function enterToUpdate(browser: Browser, n: number, budget: number) {
  const page = await openLab(browser, containers(n));
  const total: number[] = [];
  const js: number[] = [];
  const layout: number[] = [];
  const frame: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const r = await enterToPicture(page, `docker run -d --name extra${i} redis`);
    if (i === 0) continue; // warm-up: the first update after load compiles code paths
    total.push(r.total);
    js.push(r.js);
    layout.push(r.layout);
    frame.push(r.frame);
    await page.waitForTimeout(400);
  }
  report(`Enter → picture, ${n} containers`, total, 'ms', `< ${budget} ms`, (v) => v < budget);
  console.log(`    of which script ${median(js).toFixed(1)} ms, style+layout ${median(layout).toFixed(1)} ms; with the next frame rendered: ${median(frame).toFixed(1)} ms`);
  await page.close();
}

async function frames(browser: Browser, n: number, target: number) {
  const page = await openLab(browser, containers(n));
  const svg = page.getByTestId('topology');
  const box = await svg.boundingBox();
  if (!box) throw new Error('no topology');
  const pan: number[] = [];
  const move: number[] = [];
  const dragging: number[] = [];
  const packet: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Pan: drag the empty canvas for 1.5 s.
    const x0 = box.x + 12;
    const y0 = box.y + box.height - 60;
    pan.push((await fpsDuring(page, 1500, async () => {
      await page.mouse.move(x0, y0);
      await page.mouse.down();
      const t0 = Date.now();
      let k = 0;
      while (Date.now() - t0 < 1500) {
        k++;
        await page.mouse.move(x0 + 60 * Math.sin(k / 15), y0 - 40 * Math.cos(k / 15));
      }
      await page.mouse.up();
    })).fps);
    await page.getByTestId('fit').click();
    await page.waitForTimeout(600);
    // Layout moves: a new network's bridge bar grows the host frame and every namespace frame below slides down.
    const term = page.locator('.xterm-helper-textarea');
    await term.focus();
    await page.keyboard.type('docker network create probe1');
    move.push((await fpsDuring(page, 700, () => page.keyboard.press('Enter'))).fps);
    await page.keyboard.type('docker network rm probe1');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(900);
    // Dragging a container's frame: the layout moves under the pointer.
    const frame = await page.locator('g.frame[data-kind="netns"] rect').first().boundingBox();
    if (frame) {
      const fx = frame.x + frame.width / 2;
      const fy = frame.y + frame.height / 2;
      dragging.push((await fpsDuring(page, 1500, async () => {
        await page.mouse.move(fx, fy);
        await page.mouse.down();
        const t0 = Date.now();
        let k = 0;
        while (Date.now() - t0 < 1500) {
          k++;
          await page.mouse.move(fx + 80 * Math.sin(k / 12), fy + 50 * (1 - Math.cos(k / 12)));
        }
        await page.mouse.up();
      })).fps);
      await page.getByTestId('tidy').click();
      await page.waitForTimeout(700);
    }
    // A packet: ping from the first container to the second.
    await term.focus();
    await page.keyboard.type('docker exec c0 ping -c 1 172.17.0.3');
    packet.push((await fpsDuring(page, 1500, () => page.keyboard.press('Enter'))).fps);
    await page.waitForTimeout(1500);
  }
  report(`fps while panning, ${n} containers`, pan, 'fps', `≥ ${target}`, (v) => v >= target);
  report(`fps while the layout moves (new network), ${n} containers`, move, 'fps', `≥ ${target}`, (v) => v >= target);
  report(`fps while dragging a frame, ${n} containers`, dragging, 'fps', `≥ ${target}`, (v) => v >= target);
  report(`fps while a packet animates, ${n} containers`, packet, 'fps', `≥ ${target}`, (v) => v >= target);
  await page.close();
}

const ASSETS = join(import.meta.dirname, '..', 'dist', 'assets');
/** Quiet time after the console is ready (or a command ran) for chunks fetched on idle to arrive. */
const IDLE_MS = 1500;

const gzipSize = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

/**
 * Sums the gzip -9 size of the scripts the page requested, each read from dist/assets by its
 * URL's file name; a script that is not there (it should not happen) is counted from the body
 * the server sent, and flagged.
 */
async function scriptsGzip(scripts: readonly ScriptRequest[]): Promise<{ kib: number; parts: string[] }> {
  const files = new Set(readdirSync(ASSETS));
  let total = 0;
  const parts: string[] = [];
  for (const s of scripts) {
    if (files.has(s.file)) {
      const gz = gzipSize(readFileSync(join(ASSETS, s.file)));
      total += gz;
      parts.push(`${s.file} ${(gz / 1024).toFixed(1)} KiB`);
    } else {
      const body = await (await s.request.response())?.body().catch(() => null);
      const gz = body ? gzipSize(body) : 0;
      total += gz;
      parts.push(`${s.url} ${(gz / 1024).toFixed(1)} KiB (not in dist/assets${body ? '' : ', no body'})`);
    }
  }
  return { kib: total / 1024, parts };
}

function reportJs(what: string, kib: number, parts: readonly string[], target: string, ok: boolean) {
  rows.push({ what, value: kib, unit: 'KiB', target, ok, runs: [kib] });
  console.log(`  ${what}: ${kib.toFixed(1)} KiB (${parts.length} files: ${parts.join(', ')})`);
}

/** What a first visit loads: fresh storage, the console ready, then idle; then the first command. */
async function scriptsLoaded(browser: Browser) {
  const page = await browser.newPage();
  const scripts = recordScripts(page);
  await seedSession(page, []);
  await installProbes(page);
  await page.goto(url);
  await consoleReadyMs(page);
  await page.waitForTimeout(IDLE_MS);
  const first = await scriptsGzip(scripts);
  reportJs('JavaScript loaded by a first visit (fresh storage), gzip', first.kib, first.parts, '≤ 250 KiB', first.kib <= 250);

  const log = page.getByTestId('terminal-log');
  const before = await log.locator('pre').count();
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type('docker ps');
  await page.keyboard.press('Enter');
  await log.locator('pre').nth(before).filter({ hasText: 'CONTAINER ID' }).waitFor({ state: 'attached', timeout: 30_000 });
  await page.waitForTimeout(IDLE_MS);
  const cmd = await scriptsGzip(scripts);
  reportJs('JavaScript loaded by a first visit, after the first command, gzip', cmd.kib, cmd.parts, '—', true);
  await page.close();
}

/** Every chunk the build wrote, loaded or not (for reference). */
function allChunks() {
  let total = 0;
  const parts: string[] = [];
  for (const f of readdirSync(ASSETS).filter((x) => /\.m?js$/.test(x)).sort()) {
    const gz = gzipSize(readFileSync(join(ASSETS, f)));
    total += gz;
    parts.push(`${f} ${(gz / 1024).toFixed(1)} KiB`);
  }
  reportJs('JavaScript, gzip, all chunks in dist', total / 1024, parts, '—', true);
}

const browser = await chromium.launch({ executablePath, args: ['--disable-gpu', '--disable-quic'] });
try {
  console.log(`browser bench against ${url}, ${RUNS} runs each, ${browser.version()}`);
  // BENCH_ONLY=load,enter100,enter1000,fps200,fps1000 runs a subset.
  const only = new Set((process.env.BENCH_ONLY ?? 'load,enter100,enter1000,fps200,fps1000').split(','));
  // load: the first load's time, the requests leaving localhost and the JavaScript it loads.
  if (only.has('load')) {
    await firstLoad(browser);
    await scriptsLoaded(browser);
  }
  allChunks();
  if (only.has('enter100')) await enterToUpdate(browser, 100, 16.7);
  if (only.has('enter1000')) await enterToUpdate(browser, 1000, 50);
  if (only.has('fps200')) await frames(browser, 200, 50);
  if (only.has('fps1000')) await frames(browser, 1000, 30);
} finally {
  await browser.close();
}

const width = Math.max(56, ...rows.map((r) => r.what.length));
console.log(`\n${'measure'.padEnd(width)} ${'median'.padStart(10)}  target`);
for (const r of rows) console.log(`${r.what.padEnd(width)} ${`${r.value.toFixed(1)} ${r.unit}`.padStart(10)}  ${r.target} ${r.ok ? 'ok' : 'MISSED'}`);
