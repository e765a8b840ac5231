/**
 * `npm run bench`: the engine's cost per command at 1,000 and 3,000 containers on one bridge.
 * For each size it builds a host with N running containers, then times the commands a student
 * types (run, stop, start, rm) through the engine, reporting medians over many repetitions and
 * the ratio between the sizes (≈1 means no growth with the number of containers).
 */
import { performance } from 'node:perf_hooks';
import { createWorld } from '../src/engine/createWorld';
import { createContainer } from '../src/engine/docker/create';
import { removeContainer, startContainer, stopContainer } from '../src/engine/docker/lifecycle';
import { pulled, spec } from '../src/engine/testkit';
import type { World } from '../src/engine/world';
import { runLine } from '../src/cli/runLine';

function build(n: number): World {
  let w = pulled(createWorld(42), 'alpine', 'nginx');
  for (let i = 0; i < n; i++) {
    const c = createContainer(w, spec('alpine', { openStdin: true, tty: true, name: `c${i}` }));
    if (!c.ok) throw new Error(c.error.code);
    const s = startContainer(c.value.world, c.value.id);
    if (!s.ok) throw new Error(s.error.code);
    w = s.value.world;
  }
  return w;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function time(reps: number, f: (i: number) => void): number {
  for (let i = 0; i < 20; i++) f(i); // warm up
  const xs: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    f(i);
    xs.push(performance.now() - t);
  }
  return median(xs);
}

type Row = Record<string, number>;
function measure(w: World): Row {
  const reps = 300;
  const target = [...w.docker.containers.values()][Math.floor(w.docker.containers.size / 2)];
  if (!target) throw new Error('empty');
  const stopped = stopContainer(w, target.id);
  if (!stopped.ok) throw new Error('stop');
  return {
    'engine: create+start (docker run -dit alpine)': time(reps, (i) => {
      const c = createContainer(w, spec('alpine', { openStdin: true, name: `bench${i}` }));
      if (c.ok) startContainer(c.value.world, c.value.id);
    }),
    'engine: create+start with -p (nginx)': time(reps, (i) => {
      const c = createContainer(w, spec('nginx', { name: `web${i}`, publish: [{ containerPort: 80, proto: 'tcp', hostIp: '', hostPort: String(20000 + i) }] }));
      if (c.ok) startContainer(c.value.world, c.value.id);
    }),
    'engine: stop': time(reps, () => void stopContainer(w, target.id)),
    'engine: start (a stopped container)': time(reps, () => void startContainer(stopped.value.world, target.id)),
    'engine: rm -f': time(reps, () => void removeContainer(w, target.id, true)),
    'console: docker run -d -p 8080:80 nginx': time(reps, () => void runLine(w, { at: 'host' }, 'docker run -d -p 8080:80 nginx')),
    'console: docker stop (by name)': time(reps, () => void runLine(w, { at: 'host' }, `docker stop ${target.name}`)),
  };
}

const sizes = [1000, 3000];
const results: Row[] = [];
for (const n of sizes) {
  const t = performance.now();
  const w = build(n);
  console.log(`built ${n} containers in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  results.push(measure(w));
}
const [small, large] = results;
if (!small || !large) throw new Error('no results');
console.log(`\n${'command'.padEnd(46)} ${'1,000 (ms)'.padStart(11)} ${'3,000 (ms)'.padStart(11)} ${'ratio'.padStart(7)}`);
for (const k of Object.keys(small)) {
  const a = small[k] ?? 0;
  const b = large[k] ?? 0;
  console.log(`${k.padEnd(46)} ${a.toFixed(3).padStart(11)} ${b.toFixed(3).padStart(11)} ${(b / a).toFixed(2).padStart(7)}`);
}
console.log('\nmedians of 300 runs each; target: under 1 ms per command and a ratio near 1.');
