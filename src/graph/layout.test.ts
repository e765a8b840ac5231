import { describe, expect, it } from 'vitest';
import { createWorld } from '../engine/createWorld';
import { createContainer, pullImage, type CreateSpec } from '../engine/docker/create';
import { startContainer, stopContainer } from '../engine/docker/lifecycle';
import { createNetwork } from '../engine/docker/networks';
import { toTopology } from '../engine/topology';
import type { World } from '../engine/world';
import type { Drawn, Layout, Rect } from './geometry';
import { layoutTopology } from './layout';
import { columns } from './layoutHost';
import { LayoutMemory } from './memory';

function run(w: World, name: string, opts: Partial<CreateSpec> = {}): World {
  const p = pullImage(w, opts.image ?? 'nginx');
  if (!p.ok) throw new Error(p.error.code);
  const c = createContainer(p.value.world, { image: 'nginx', cmd: [], env: [], network: '', aliases: [], links: [], publish: [], publishAll: false, expose: [], autoRemove: false, tty: false, openStdin: false, name, ...opts });
  if (!c.ok) throw new Error(c.error.code);
  const s = startContainer(c.value.world, c.value.id);
  if (!s.ok) throw new Error(s.error.code);
  return s.value.world;
}

const cid = (w: World, name: string) => w.docker.containerNames.get(name) ?? '';
const find = (l: Layout, id: string): Drawn => {
  const d = l.nodes.find((n) => n.id === id);
  if (!d) throw new Error(`not drawn: ${id}`);
  return d;
};
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('layoutTopology', () => {
  it('draws every node once, with finite coordinates', () => {
    const w = run(createWorld(1), 'web', { publish: [{ containerPort: 80, proto: 'tcp', hostIp: '', hostPort: '8080' }] });
    const t = toTopology(w);
    const l = layoutTopology(t, new LayoutMemory());
    expect(new Set(l.nodes.map((n) => n.id))).toEqual(new Set(t.nodes.map((n) => n.id)));
    for (const n of l.nodes) for (const v of [n.x, n.y, n.w, n.h]) expect(Number.isFinite(v)).toBe(true);
    expect(l.links.length).toBe(t.links.length);
    for (const k of l.links) expect(k.d).not.toMatch(/NaN/);
  });

  it('puts a container frame under the host with its eth0 straight below the host veth', () => {
    const w = run(createWorld(1), 'web');
    const t = toTopology(w);
    const l = layoutTopology(t, new LayoutMemory());
    const c = w.docker.containers.get(cid(w, 'web') as never);
    const frame = find(l, c?.netns ?? '');
    const host = find(l, 'host');
    expect(frame.y).toBeGreaterThan(host.y + host.h);
    const wire = t.links.find((k) => k.kind === 'veth');
    const hv = find(l, wire?.source ?? '');
    const eth = find(l, wire?.target ?? '');
    expect(hv.x + hv.w / 2).toBeCloseTo(eth.x + eth.w / 2);
    expect(l.links.find((k) => k.kind === 'veth')?.d).toMatch(/^M[\d.]+,-?[\d.]+V-?[\d.]+$/);
  });

  it('keeps frames where they were when containers are added, stopped and restarted', () => {
    const mem = new LayoutMemory();
    let w = run(createWorld(1), 'one');
    w = run(w, 'two');
    const at1 = find(layoutTopology(toTopology(w), mem), cid(w, 'two'));
    w = run(w, 'three', { image: 'redis' });
    const at2 = find(layoutTopology(toTopology(w), mem), cid(w, 'two'));
    expect([at2.x, at2.y]).toEqual([at1.x, at1.y]);
    const stopped = stopContainer(w, 'two');
    if (!stopped.ok) throw new Error('stop');
    const asExited = find(layoutTopology(toTopology(stopped.value.world), mem), cid(w, 'two'));
    const restarted = startContainer(stopped.value.world, 'two');
    if (!restarted.ok) throw new Error('start');
    const again = find(layoutTopology(toTopology(restarted.value.world), mem), cid(w, 'two'));
    expect(Math.abs(asExited.x - at1.x)).toBeLessThan(20);
    expect([again.x, again.y]).toEqual([at1.x, at1.y]);
  });

  it('never overlaps container frames, even in several rows', () => {
    let w = createWorld(2);
    for (let i = 0; i < 14; i++) w = run(w, `c${i}`, { image: 'redis' });
    const l = layoutTopology(toTopology(w), new LayoutMemory());
    const frames = l.nodes.filter((n) => n.shape === 'frame' && n.kind === 'netns');
    expect(frames).toHaveLength(14);
    for (let i = 0; i < frames.length; i++) for (let j = i + 1; j < frames.length; j++) expect(overlaps(frames[i] as Rect, frames[j] as Rect)).toBe(false);
    const pills = l.nodes.filter((n) => n.kind === 'veth' && n.frame === 'host');
    for (let i = 0; i < pills.length; i++) for (let j = i + 1; j < pills.length; j++) expect(overlaps(pills[i] as Rect, pills[j] as Rect)).toBe(false);
  });

  it('moves a dragged frame with its contents', () => {
    const mem = new LayoutMemory();
    const w = run(createWorld(1), 'web');
    const t = toTopology(w);
    const c = w.docker.containers.get(cid(w, 'web') as never);
    const before = find(layoutTopology(t, mem), cid(w, 'web'));
    mem.move(c?.netns ?? '', 30, 40);
    const after = find(layoutTopology(t, mem), cid(w, 'web'));
    expect([after.x - before.x, after.y - before.y]).toEqual([30, 40]);
  });

  it('lays out 100 containers without overlaps, and re-uses the frames a change did not touch', () => {
    let w = createWorld(3);
    for (let i = 0; i < 100; i++) w = run(w, `c${i}`, { image: 'redis' });
    const mem = new LayoutMemory();
    const a = layoutTopology(toTopology(w), mem);
    const frames = a.nodes.filter((n) => n.kind === 'netns');
    expect(frames).toHaveLength(100);
    for (let i = 0; i < frames.length; i++) for (let j = i + 1; j < frames.length; j++) expect(overlaps(frames[i] as Rect, frames[j] as Rect)).toBe(false);
    // Timings are measured by `npm run bench`; here: unchanged frames come back as the same objects.
    const b = layoutTopology(toTopology(run(w, 'extra', { image: 'redis' })), mem);
    const before = new Map(a.nodes.map((n) => [n.id, n]));
    expect(b.nodes.filter((n) => before.get(n.id) === n).length).toBeGreaterThan(a.nodes.length * 0.9);
  });

  it('grows the host frame upwards: a new network moves no container frame', () => {
    const mem = new LayoutMemory();
    let w = createWorld(4);
    for (let i = 0; i < 6; i++) w = run(w, `c${i}`, { image: 'redis' });
    const a = layoutTopology(toTopology(w), mem);
    const net = createNetwork(w, { name: 'extra', driver: 'bridge', ipam: [], internal: false, attachable: false, options: {}, labels: {} });
    if (!net.ok) throw new Error(net.error.code);
    const b = layoutTopology(toTopology(net.value.world), mem);
    const before = new Map(a.nodes.map((n) => [n.id, n]));
    const grid = b.nodes.filter((n) => n.frame !== 'host' && (n.kind === 'netns' || n.kind === 'container' || n.kind === 'veth'));
    expect(grid.length).toBeGreaterThan(12);
    for (const n of grid) if (before.has(n.id)) expect([n.x, n.y]).toEqual([before.get(n.id)?.x, before.get(n.id)?.y]);
    const hostA = a.nodes.find((n) => n.id === 'host');
    const hostB = b.nodes.find((n) => n.id === 'host');
    expect((hostB?.y ?? 0) + (hostB?.h ?? 0)).toBe((hostA?.y ?? 0) + (hostA?.h ?? 0));
    expect(hostB?.y).toBeLessThan(hostA?.y ?? 0);
  });

  it('chooses as many columns as make the picture largest in its pane', () => {
    expect(columns(4, 1, { w: 1600, h: 700 })).toBe(4);
    expect(columns(4, 1, { w: 600, h: 900 })).toBeLessThan(4);
    expect(columns(1000, 1, { w: 800, h: 800 })).toBeGreaterThan(10);
    expect(columns(1000, 1, { w: 1600, h: 800 })).toBeGreaterThan(columns(1000, 1, { w: 800, h: 800 }));
  });
});
