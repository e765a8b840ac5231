import { describe, expect, it } from 'vitest';
import { runLine } from '../cli/runLine';
import type { Shell } from '../cli/types';
import { createWorld } from '../engine/createWorld';
import type { Hop } from '../engine/packet/types';
import { toTopology } from '../engine/topology';
import type { World } from '../engine/world';
import { layoutTopology } from './layout';
import { LayoutMemory } from './memory';
import { flattenPath, packetSteps, pathLength, pointAlong, type Point } from './packetSteps';

/** Runs console lines; returns the world and the hops of the last packet sent. */
function lab(lines: readonly string[]): { world: World; hops: readonly Hop[]; delivered: boolean } {
  let world = createWorld(1);
  let shell: Shell = { at: 'host' };
  let hops: readonly Hop[] = [];
  let delivered = false;
  for (const line of lines) {
    const r = runLine(world, shell, line);
    world = r.world;
    shell = r.shell;
    for (const e of r.events) if (e.type === 'packet') ({ hops, delivered } = e);
  }
  return { world, hops, delivered };
}

const onSegment = (p: Point, pts: readonly Point[]) => {
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1] as Point;
    const b = pts[i] as Point;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    const d = Math.abs((b.x - a.x) * (a.y - p.y) - (a.x - p.x) * (b.y - a.y)) / (len || 1);
    if (d < 0.6 && p.x >= Math.min(a.x, b.x) - 0.6 && p.x <= Math.max(a.x, b.x) + 0.6 && p.y >= Math.min(a.y, b.y) - 0.6 && p.y <= Math.max(a.y, b.y) + 0.6) return true;
  }
  return false;
};

describe('packetSteps', () => {
  it('walks a ping from one container to another along their veth wires and docker0, and back', () => {
    const { world, hops, delivered } = lab(['docker run -dit --name a1 alpine', 'docker run -dit --name a2 alpine', 'docker exec a1 ping -c 1 172.17.0.3']);
    expect(delivered).toBe(true);
    const topo = toTopology(world);
    const layout = layoutTopology(topo, new LayoutMemory());
    const steps = packetSteps(hops, layout);
    const veths = topo.links.filter((l) => l.kind === 'veth');
    expect(veths).toHaveLength(2);
    const [w1, w2] = veths as [(typeof veths)[0], (typeof veths)[0]];
    const there = steps.slice(0, steps.findIndex((s) => s.kind === 'reply')).map((s) => s.node);
    // a1's eth0, its host end, a2's host end, a2's eth0: in that order.
    const at = [w1.target, w1.source, w2.source, w2.target].map((id) => there.indexOf(id));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(steps[0]?.kind).toBe('start');
    expect(steps.some((s) => s.kind === 'deliver' && s.phase === 'request')).toBe(true);
    expect(steps[steps.length - 1]?.kind).toBe('deliver');
    expect(steps[steps.length - 1]?.phase).toBe('reply');
    // The step across a1's veth pair travels the drawn wire itself.
    const wire = flattenPath(layout.links.find((l) => l.id === w1.id)?.d ?? '');
    const cross = steps.find((s) => s.node === w1.source && s.kind === 'move' && s.phase === 'request');
    expect(cross?.path.slice(1, -1).every((p) => onSegment(p, wire))).toBe(true);
    // Every step starts where the one before ended: the dot never jumps.
    for (let i = 1; i < steps.length; i++) {
      const prev = steps[i - 1]?.path;
      expect(steps[i]?.path[0]).toEqual(prev?.[prev.length - 1]);
    }
  });

  it('pins the DNAT on the host when the laptop reaches a published port', () => {
    const { world, hops } = lab(['docker run -d --name web -p 8080:80 nginx', 'ssh laptop', 'curl -s -o /dev/null 192.168.1.10:8080']);
    const layout = layoutTopology(toTopology(world), new LayoutMemory());
    const steps = packetSteps(hops, layout);
    const dnat = steps.find((s) => s.kind === 'nat' && s.text.startsWith('DNAT'));
    expect(dnat?.text).toBe('DNAT 192.168.1.10:8080 → 172.17.0.2:80');
    const eth0 = layout.nodes.find((n) => n.kind === 'interface' && n.name === 'eth0' && n.frame === 'host');
    const p = dnat?.path[dnat.path.length - 1];
    expect(p?.x).toBeCloseTo((eth0?.x ?? 0) + (eth0?.w ?? 0) / 2);
    expect(dnat?.node).toMatch(/^port:/);
    expect(steps.some((s) => s.kind === 'nat' && s.text.startsWith('un-DNAT') && s.phase === 'reply')).toBe(true);
  });

  it('shows where a packet is dropped', () => {
    const { world, hops, delivered } = lab(['docker network create n1', 'docker network create n2', 'docker run -dit --name xx --network n1 alpine', 'docker run -dit --name yy --network n2 alpine', 'docker exec xx ping -c 1 -W 1 172.19.0.2']);
    expect(delivered).toBe(false);
    const steps = packetSteps(hops, layoutTopology(toTopology(world), new LayoutMemory()));
    expect(steps[steps.length - 1]?.kind).toBe('drop');
    expect(steps[steps.length - 1]?.text).toMatch(/^dropped: /);
  });

  it('numbers the packets of a line: the DNS lookup, then the ping, each starting afresh', () => {
    let world = createWorld(1);
    let shell: Shell = { at: 'host' };
    const hops: Hop[] = [];
    for (const line of ['docker network create app', 'docker run -dit --name a1 --network app alpine', 'docker run -dit --name a2 --network app alpine', 'docker exec a1 ping -c 1 a2']) {
      const r = runLine(world, shell, line);
      world = r.world;
      shell = r.shell;
      for (const e of r.events) if (e.type === 'packet') hops.push(...e.hops);
    }
    const steps = packetSteps(hops, layoutTopology(toTopology(world), new LayoutMemory()));
    const starts = steps.filter((s) => s.kind === 'start');
    expect(starts.map((s) => [s.walk, s.phase])).toEqual([[0, 'request'], [1, 'request']]);
    expect(starts[0]?.text).toMatch(/^DNS query A a2/);
    expect(steps.filter((s) => s.walk === 1 && s.kind === 'reply')).toHaveLength(1);
  });
});

describe('path helpers', () => {
  it('flattens the paths the layout draws and walks along them', () => {
    expect(flattenPath('M0,0V10H5')).toEqual([{ x: 0, y: 0 }, { x: 0, y: 10 }, { x: 5, y: 10 }]);
    const c = flattenPath('M0,0C0,5 10,5 10,10');
    expect(c[c.length - 1]).toEqual({ x: 10, y: 10 });
    const pts = [{ x: 0, y: 0 }, { x: 0, y: 10 }, { x: 10, y: 10 }];
    expect(pathLength(pts)).toBe(20);
    expect(pointAlong(pts, 0.75)).toEqual({ x: 5, y: 10 });
  });
});
