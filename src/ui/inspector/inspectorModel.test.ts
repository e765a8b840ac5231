import { describe, expect, it } from 'vitest';
import { createWorld } from '../../engine/createWorld';
import { createContainer, pullImage, type CreateSpec } from '../../engine/docker/create';
import { startContainer } from '../../engine/docker/lifecycle';
import { toTopology } from '../../engine/topology';
import type { World } from '../../engine/world';
import { inspectorModel, type Row } from './inspectorModel';

function run(w: World, name: string, extra: Partial<CreateSpec> = {}): World {
  const image = extra.image ?? 'nginx';
  const p = pullImage(w, image);
  if (!p.ok) throw new Error(p.error.code);
  const c = createContainer(p.value.world, { image, name, cmd: [], env: [], network: '', aliases: [], links: [], publish: [], publishAll: false, expose: [], autoRemove: false, tty: false, openStdin: false, ...extra });
  if (!c.ok) throw new Error(c.error.code);
  const s = startContainer(c.value.world, c.value.id);
  if (!s.ok) throw new Error(s.error.code);
  return s.value.world;
}

const web = () => run(createWorld(1), 'web', { publish: [{ containerPort: 80, proto: 'tcp', hostIp: '', hostPort: '8080' }], env: ['MODE=demo'] });
const value = (rows: readonly Row[] | undefined, label: string) => rows?.find((r) => r.label === label)?.value;

describe('inspectorModel', () => {
  it('describes a container as docker inspect would, with its veth pair and commands', () => {
    const w = web();
    const id = w.docker.containerNames.get('web') ?? '';
    const m = inspectorModel(w, id);
    expect(m?.title).toBe('web');
    expect(value(m?.rows, 'inspector.id')).toBe(id.slice(0, 12));
    expect(value(m?.rows, 'inspector.mode')).toBe('bridge');
    expect(value(m?.rows, 'inspector.ports')).toContain('0.0.0.0:8080 → 80/tcp');
    expect(value(m?.more, 'inspector.env')).toContain('MODE=demo');
    const bridge = m?.sections.find((s) => s.title === 'bridge');
    expect(value(bridge?.rows, 'inspector.ip')).toBe('172.17.0.2/16');
    expect(value(bridge?.rows, 'inspector.gateway')).toBe('172.17.0.1');
    expect(value(bridge?.rows, 'inspector.veth')).toMatch(/^eth0 \(ifindex 2, web\) ↔ veth[0-9a-f]{7} \(ifindex \d+, host\)$/);
    expect(m?.commands).toEqual(['docker inspect web', 'docker exec web ip addr', 'docker exec web cat /etc/hosts', 'docker port web']);
  });

  it('shows the links and DNS names a container gets', () => {
    let w = run(createWorld(1), 'db', { image: 'redis' });
    w = run(w, 'app', { links: ['db:database'] });
    const m = inspectorModel(w, w.docker.containerNames.get('app') ?? '');
    expect(value(m?.more, 'inspector.links')).toBe('db as database');
  });

  it('describes docker0 with its network, subnet and ports', () => {
    const w = web();
    const t = toTopology(w);
    const docker0 = t.nodes.find((n) => n.kind === 'bridge');
    const br = inspectorModel(w, docker0?.id ?? '');
    expect(value(br?.rows, 'inspector.addresses')).toBe('172.17.0.1/16');
    expect(value(br?.rows, 'inspector.subnet')).toBe('172.17.0.0/16');
    expect(value(br?.rows, 'inspector.gateway')).toBe('172.17.0.1');
    expect(value(br?.rows, 'inspector.bridgePorts')).toMatch(/^veth[0-9a-f]{7} ↔ web eth0$/);
    expect(br?.commands[0]).toBe('ip addr show docker0');
    const net = t.nodes.find((n) => n.kind === 'network' && n.name === 'bridge');
    const nm = inspectorModel(w, net?.id ?? '');
    expect(value(nm?.rows, 'inspector.containers')).toBe('web 172.17.0.2');
    expect(nm?.commands).toEqual(['docker network inspect bridge']);
  });

  it('shows the DNAT rule behind a port badge, with its counters', () => {
    const w = web();
    const port = toTopology(w).nodes.find((n) => n.kind === 'port');
    const m = inspectorModel(w, port?.id ?? '');
    expect(m?.title).toBe(':8080 → web:80/tcp');
    expect(value(m?.rows, 'inspector.dnat')).toMatch(/^-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172\.17\.0\.2:80 {3}\[0 pkts, 0 bytes\]$/);
    expect(value(m?.rows, 'inspector.filterRule')).toContain('--dport 80 -j ACCEPT');
    expect(m?.commands).toContain('iptables -t nat -nvL DOCKER');
  });

  it('runs commands for a container interface inside the container', () => {
    const w = web();
    const t = toTopology(w);
    const eth0 = t.nodes.find((n) => n.kind === 'veth' && n.name === 'eth0');
    expect(inspectorModel(w, eth0?.id ?? '')?.commands).toEqual(['docker exec web ip addr show eth0']);
    expect(inspectorModel(w, 'nope')).toBeNull();
    // The older form, with a topology in the middle, still answers.
    expect(inspectorModel(w, t, eth0?.id ?? '')?.title).toBe('eth0');
  });
});
