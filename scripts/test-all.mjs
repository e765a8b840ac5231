#!/usr/bin/env node
// `npm test`: typecheck, unit tests, build, end-to-end; then one plain summary line
// (`tests: N passed, N failed, N skipped`) that CI reads, counted from the runners' JSON reports.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

// Not test-results/: Playwright empties that folder (its outputDir) when it starts.
const results = 'reports';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const steps = [
  ['typecheck', 'npx', ['tsc', '-b']],
  ['unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}/unit.json`]],
  ['build', 'npx', ['vite', 'build']],
  ['e2e', 'npx', ['playwright', 'test']],
];

let failedStep = null;
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    failedStep = name;
    console.error(`=== ${name} failed (exit ${r.status})`);
    // Keep going through the test steps so the summary counts everything, but a build failure stops e2e.
    if (name === 'typecheck' || name === 'build') break;
  }
}

const count = { passed: 0, failed: 0, skipped: 0 };
function readJson(file) {
  if (!existsSync(file)) return null;
  try { return JSON.parse(readFileSync(file, 'utf8')); } catch { return null; }
}
const unit = readJson(`${results}/unit.json`);
if (unit) {
  count.passed += unit.numPassedTests ?? 0;
  count.failed += unit.numFailedTests ?? 0;
  // A test file that cannot even load fails no test but fails the run: count it.
  if ((unit.numFailedTests ?? 0) === 0) count.failed += unit.numFailedTestSuites ?? 0;
  count.skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
}
const e2e = readJson(`${results}/e2e.json`);
if (e2e?.stats) {
  count.passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
  count.failed += e2e.stats.unexpected ?? 0;
  count.skipped += e2e.stats.skipped ?? 0;
}
console.log(`\ntests: ${count.passed} passed, ${count.failed} failed, ${count.skipped} skipped`);
if (failedStep) console.error(`failed step: ${failedStep}`);
const ranNothing = count.passed + count.failed === 0;
if (ranNothing) console.error('no test ran');
process.exit(failedStep || count.failed > 0 || ranNothing ? 1 : 0);
