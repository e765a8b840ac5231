import { describe, expect, it } from 'vitest';
import { createWorld } from './createWorld';
import { createContainer, pullImage, type CreateSpec } from './docker/create';
import { startContainer, stopContainer } from './docker/lifecycle';
import { HOST_NS } from './ids';
import { toTopology, type TopoNode, type Topology } from './topology';
import type { World } from './world';

// Worlds are built with engine operations directly so these tests do not depend on the CLI.
function run(w: World, name: string, opts: Partial<CreateSpec> = {}): World {
  const image = opts.image ?? 'nginx';
  const pulled = pullImage(w, image);
  if (!pulled.ok) throw new Error(pulled.error.code);
  const spec: CreateSpec = { image, cmd: [], env: [], network: '', aliases: [], links: [], publish: [], publishAll: false, expose: [], autoRemove: false, tty: false, openStdin: false, name, ...opts };
  const created = createContainer(pulled.value.world, spec);
  if (!created.ok) throw new Error(created.error.code);
  const started = startContainer(created.value.world, created.value.id);
  if (!started.ok) throw new Error(started.error.code);
  return started.value.world;
}

const byName = (t: Topology, kind: TopoNode['kind'], name: string, parent: string = HOST_NS) =>
  t.nodes.find((n) => n.kind === kind && n.name === name && (kind !== 'interface' || n.parent === parent));
const containerOf = (w: World, name: string) => {
  const id = w.docker.containerNames.get(name);
  const c = id ? w.docker.containers.get(id) : undefined;
  if (!c) throw new Error(`no ${name}`);
  return c;
};

describe('toTopology', () => {
  it('draws a fresh host: eth0, lo, docker0 with the bridge network, the LAN and the internet', () => {
    const t = toTopology(createWorld(1));
    const host = t.nodes.find((n) => n.id === HOST_NS);
    expect(host?.kind).toBe('host');
    expect(byName(t, 'interface', 'eth0')?.details.ip).toBe('192.168.1.10/24');
    expect(t.nodes.filter((n) => n.parent === HOST_NS && n.kind === 'interface').map((n) => n.name)).toEqual(['lo', 'eth0']);
    const docker0 = byName(t, 'bridge', 'docker0');
    expect(docker0?.details.ip).toBe('172.17.0.1/16');
    expect(byName(t, 'network', 'bridge')?.parent).toBe(docker0?.id);
    expect(byName(t, 'network', 'host')?.parent).toBe(HOST_NS);
    expect(t.nodes.some((n) => n.kind === 'router')).toBe(true);
    expect(t.links.filter((l) => l.kind === 'lan')).toHaveLength(2);
    expect(t.links.filter((l) => l.kind === 'wan')).toHaveLength(1);
    expect(t.nodes.filter((n) => n.parent === 'internet').length).toBeGreaterThan(0);
  });

  it('puts a bridge container in its own namespace frame, wired to docker0 by a veth pair', () => {
    const w = run(createWorld(1), 'web', { publish: [{ containerPort: 80, proto: 'tcp', hostIp: '', hostPort: '8080' }] });
    const t = toTopology(w);
    const c = containerOf(w, 'web');
    const web = t.nodes.find((n) => n.id === c.id);
    expect(web?.details.state).toBe('running');
    expect(web?.parent).toBe(c.netns);
    const frame = t.nodes.find((n) => n.id === c.netns);
    expect(frame?.kind).toBe('netns');
    expect(frame?.details.owner).toBe(c.id);
    const inside = t.nodes.filter((n) => n.parent === c.netns && n.kind !== 'container').map((n) => n.name);
    expect(inside).toEqual(['lo', 'eth0']);
    const eth0 = t.nodes.find((n) => n.parent === c.netns && n.name === 'eth0');
    expect(eth0?.details.ip).toBe('172.17.0.2/16');
    const wire = t.links.find((l) => l.kind === 'veth' && l.target === eth0?.id);
    expect(wire).toBeDefined();
    const hostVeth = t.nodes.find((n) => n.id === wire?.source);
    expect(hostVeth?.parent).toBe(HOST_NS);
    expect(hostVeth?.name).toMatch(/^veth[0-9a-f]{7}$/);
    const docker0 = byName(t, 'bridge', 'docker0');
    expect(t.links.some((l) => l.kind === 'bridge-port' && l.source === hostVeth?.id && l.target === docker0?.id)).toBe(true);
    // -p 8080:80 binds 0.0.0.0 and [::]: one badge, linked to the container's interface.
    const ports = t.nodes.filter((n) => n.kind === 'port');
    expect(ports).toHaveLength(1);
    expect(ports[0]?.details.hostPort).toBe(8080);
    expect(ports[0]?.details.attach).toBe(byName(t, 'interface', 'eth0')?.id);
    expect(t.links.find((l) => l.kind === 'nat')?.target).toBe(eth0?.id);
  });

  it('keeps ids stable when something else is added', () => {
    const w1 = run(createWorld(1), 'web');
    const w2 = run(w1, 'db', { image: 'redis' });
    const ids1 = new Set(toTopology(w1).nodes.map((n) => n.id));
    const ids2 = new Set(toTopology(w2).nodes.map((n) => n.id));
    for (const id of ids1) expect(ids2.has(id)).toBe(true);
    expect(toTopology(w2)).toEqual(toTopology(w2));
  });

  it('places host-mode containers in the host frame and none containers alone with lo', () => {
    let w = run(createWorld(1), 'hm', { network: 'host', image: 'redis' });
    w = run(w, 'nn', { network: 'none', image: 'redis' });
    const t = toTopology(w);
    expect(byName(t, 'container', 'hm')?.parent).toBe(HOST_NS);
    expect(byName(t, 'container', 'hm')?.details.mode).toBe('host');
    const n = containerOf(w, 'nn');
    expect(byName(t, 'container', 'nn')?.parent).toBe(n.netns);
    expect(t.nodes.filter((x) => x.parent === n.netns && x.kind !== 'container').map((x) => x.name)).toEqual(['lo']);
  });

  it('draws container:X joiners inside X\'s frame with a shared link', () => {
    let w = run(createWorld(1), 'app');
    w = run(w, 'side', { network: 'container:app', image: 'redis' });
    const t = toTopology(w);
    const app = containerOf(w, 'app');
    const side = byName(t, 'container', 'side');
    expect(side?.parent).toBe(app.netns);
    expect(side?.details.mode).toBe('container:app');
    expect(t.nodes.filter((n) => n.kind === 'netns')).toHaveLength(1);
    expect(t.links.some((l) => l.kind === 'shared' && l.source === side?.id && l.target === app.id)).toBe(true);
  });

  it('keeps stopped containers, without a frame, as exited', () => {
    const w1 = run(createWorld(1), 'web');
    const stopped = stopContainer(w1, 'web');
    if (!stopped.ok) throw new Error(stopped.error.code);
    const t = toTopology(stopped.value.world);
    const web = byName(t, 'container', 'web');
    expect(web?.details.state).toBe('exited');
    expect(web?.parent).toBeUndefined();
    expect(t.nodes.some((n) => n.kind === 'netns')).toBe(false);
    expect(t.nodes.some((n) => n.kind === 'veth')).toBe(false);
  });

  it('has unique node and link ids whose links point at nodes', () => {
    let w = createWorld(1);
    for (let i = 0; i < 5; i++) w = run(w, `c${i}`, { publish: [{ containerPort: 80, proto: 'tcp', hostIp: '', hostPort: String(8000 + i) }] });
    const t = toTopology(w);
    const ids = t.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(t.links.map((l) => l.id)).size).toBe(t.links.length);
    const known = new Set(ids);
    for (const l of t.links) expect(known.has(l.source) && known.has(l.target)).toBe(true);
    for (const n of t.nodes) if (n.parent) expect(known.has(n.parent)).toBe(true);
  });

  it('derives 1,000 containers, re-using the drawing of what a command did not touch', () => {
    let w = createWorld(7);
    for (let i = 0; i < 1000; i++) w = run(w, `c${i}`, { image: 'redis' });
    const t1 = toTopology(w);
    expect(t1.nodes.filter((n) => n.kind === 'container')).toHaveLength(1000);
    // Timings are measured by `npm run bench` (in the browser, medians); here: the same objects come back.
    const w2 = run(w, 'one-more', { image: 'redis' });
    const t2 = toTopology(w2);
    const before = new Map(t1.nodes.map((n) => [n.id, n]));
    const reused = t2.nodes.filter((n) => before.get(n.id) === n).length;
    expect(reused).toBeGreaterThan(t1.nodes.length * 0.95);
    expect(t2.nodes.filter((n) => n.kind === 'container')).toHaveLength(1001);
    // Equal to a derivation from scratch: memoisation changes nothing that is drawn.
    expect(JSON.parse(JSON.stringify(t2))).toEqual(JSON.parse(JSON.stringify(toTopology(w2))));
  }, 120_000);
});
