import { describe, expect, it } from 'vitest';
import { createWorld } from '../../engine/createWorld';
import { createContainer, pullImage } from '../../engine/docker/create';
import { startContainer } from '../../engine/docker/lifecycle';
import { toTopology } from '../../engine/topology';
import type { World } from '../../engine/world';
import { inspectorModel } from './inspectorModel';

function web(): World {
  const p = pullImage(createWorld(1), 'nginx');
  if (!p.ok) throw new Error(p.error.code);
  const c = createContainer(p.value.world, {
    image: 'nginx', name: 'web', cmd: [], env: [], network: '', aliases: [], links: [], publishAll: false, expose: [], autoRemove: false, tty: false, openStdin: false,
    publish: [{ containerPort: 80, proto: 'tcp', hostIp: '', hostPort: '8080' }],
  });
  if (!c.ok) throw new Error(c.error.code);
  const s = startContainer(c.value.world, c.value.id);
  if (!s.ok) throw new Error(s.error.code);
  return s.value.world;
}

const value = (rows: readonly { label: string; value: string }[], label: string) => rows.find((r) => r.label === label)?.value;

describe('inspectorModel', () => {
  it('describes a container as docker inspect would, with its veth pair and commands', () => {
    const w = web();
    const id = w.docker.containerNames.get('web') ?? '';
    const m = inspectorModel(w, toTopology(w), id);
    expect(m?.title).toBe('web');
    expect(value(m?.rows ?? [], 'inspector.id')).toBe(id.slice(0, 12));
    expect(value(m?.rows ?? [], 'inspector.mode')).toBe('bridge');
    expect(value(m?.rows ?? [], 'inspector.ports')).toContain('0.0.0.0:8080 → 80/tcp');
    const bridge = m?.sections.find((s) => s.title === 'bridge');
    expect(value(bridge?.rows ?? [], 'inspector.ip')).toBe('172.17.0.2/16');
    expect(value(bridge?.rows ?? [], 'inspector.gateway')).toBe('172.17.0.1');
    expect(value(bridge?.rows ?? [], 'inspector.veth')).toMatch(/^eth0 \(ifindex 2\) ↔ veth[0-9a-f]{7} \(ifindex \d+, host\)$/);
    expect(m?.commands).toEqual(['docker inspect web', 'docker exec web ip addr', 'docker port web']);
  });

  it('describes docker0 and the bridge network', () => {
    const w = web();
    const t = toTopology(w);
    const docker0 = t.nodes.find((n) => n.kind === 'bridge');
    const br = inspectorModel(w, t, docker0?.id ?? '');
    expect(value(br?.rows ?? [], 'inspector.addresses')).toBe('172.17.0.1/16');
    expect(br?.commands[0]).toBe('ip addr show docker0');
    const net = t.nodes.find((n) => n.kind === 'network' && n.name === 'bridge');
    const nm = inspectorModel(w, t, net?.id ?? '');
    expect(value(nm?.rows ?? [], 'inspector.containers')).toBe('web 172.17.0.2');
    expect(nm?.commands).toEqual(['docker network inspect bridge']);
  });

  it('runs commands for a container interface inside the container', () => {
    const w = web();
    const t = toTopology(w);
    const eth0 = t.nodes.find((n) => n.kind === 'veth' && n.name === 'eth0');
    expect(inspectorModel(w, t, eth0?.id ?? '')?.commands).toEqual(['docker exec web ip addr show eth0']);
    expect(inspectorModel(w, t, 'nope')).toBeNull();
  });
});
