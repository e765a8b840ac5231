/**
 * The headless console: `npm run sim [-- --seed N]` reads command lines from standard input,
 * runs each through the same runLine the browser console uses, and prints a transcript — each
 * line as `$ LINE`, then its output (stdout and stderr in order), no colour codes.
 */
import { readFileSync } from 'node:fs';
import { createWorld } from '../engine/createWorld';
import { runLine } from './runLine';
import type { Shell } from './types';

function parseSeed(argv: readonly string[]): number {
  const i = argv.findIndex((a) => a === '--seed' || a.startsWith('--seed='));
  if (i < 0) return 1;
  const a = argv[i] ?? '';
  const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : (argv[i + 1] ?? '');
  const n = Number(v);
  if (!Number.isInteger(n)) {
    process.stderr.write(`sim: --seed needs an integer, got "${v}"\n`);
    process.exit(2);
  }
  return n;
}

export function transcript(lines: readonly string[], seed: number): string {
  let world = createWorld(seed);
  let shell: Shell = { at: 'host' };
  let text = '';
  for (const line of lines) {
    text += `$ ${line}\n`;
    const r = runLine(world, shell, line);
    world = r.world;
    shell = r.shell;
    for (const o of r.out) text += o.text;
    if (r.out.length && !text.endsWith('\n')) text += '\n';
  }
  return text;
}

const isMain = process.argv[1]?.endsWith('sim.ts') ?? false;
if (isMain) {
  const input = readFileSync(0, 'utf8');
  const lines = input.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  process.stdout.write(transcript(lines, parseSeed(process.argv.slice(2))));
}
