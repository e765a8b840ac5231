#!/usr/bin/env node
// `npm run bench`: the engine bench (node), then the browser bench (headless Chromium against
// `vite preview` of a fresh production build). Both print medians over several runs.
// Flags: --engine-only, --browser-only, --no-build. BENCH_RUNS sets the browser runs (default 5);
// CHROMIUM_PATH another Chromium than Debian's /usr/bin/chromium.
import { spawn, spawnSync } from 'node:child_process';

const args = new Set(process.argv.slice(2));
const port = Number(process.env.BENCH_PORT ?? 4320);
const step = (title, cmd, argv) => {
  console.log(`\n=== ${title}`);
  const r = spawnSync(cmd, argv, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!args.has('--browser-only')) step('engine bench', 'npx', ['tsx', 'bench/engine.bench.ts']);
if (!args.has('--engine-only')) {
  if (!args.has('--no-build')) step('production build', 'npx', ['vite', 'build', '--logLevel', 'warn']);
  console.log(`\n=== browser bench (vite preview on :${port})`);
  // vite's own script under node (not through npx and a shell), so stopping it stops the server.
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--strictPort', '--port', String(port), '--host', '127.0.0.1'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}/`;
  const stop = () => {
    try {
      server.kill('SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stop);
  let up = false;
  for (let i = 0; i < 100 && !up; i++) {
    try {
      up = (await fetch(url)).ok;
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  if (!up) {
    console.error('vite preview did not start');
    process.exit(1);
  }
  const r = spawnSync('npx', ['tsx', 'bench/browser.bench.ts', url], { stdio: 'inherit' });
  stop();
  process.exit(r.status ?? 1);
}
