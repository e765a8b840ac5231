import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../createWorld';
import { HOST_NS } from '../ids';
import { saveTable } from '../netfilter/listing';
import { run, spec } from '../testkit';
import type { World } from '../world';
import { createContainer } from './create';
import { removeContainer, startContainer, stopContainer } from './lifecycle';
import { connectNetwork, disconnectNetwork } from './connect';
import { createNetwork, removeNetwork } from './networks';

function endpointsOk(w: World): void {
  const seen = new Map<string, string>();
  for (const ep of w.docker.endpoints.values()) {
    if (!ep.ip) continue;
    const key = `${ep.networkId}/${ep.ip}`;
    expect(seen.has(key), `address ${ep.ip} handed out twice`).toBe(false);
    seen.set(key, ep.id);
  }
  for (const i of w.ifaces.values()) {
    if (i.kind === 'veth') {
      expect(i.peer, `${i.name} has a peer`).toBeDefined();
      const p = i.peer ? w.ifaces.get(i.peer) : undefined;
      expect(p?.peer).toBe(i.id);
    }
  }
}

function rules(w: World): string {
  const nf = w.netns.get(HOST_NS)?.nf;
  if (!nf) throw new Error('no host');
  return ['filter', 'nat', 'raw'].map((t) => saveTable(nf, t as 'filter' | 'nat' | 'raw', false) ?? '').join('\n');
}

describe('container lifecycle', () => {
  it('gives the first containers .2, .3 on docker0 with eth0@if pairing and a default route', () => {
    let w = createWorld(7);
    const a = run(w, spec('alpine', { openStdin: true, name: 'alpine1' }));
    const b = run(a.world, spec('alpine', { openStdin: true, name: 'alpine2' }));
    w = b.world;
    const ips = [...w.docker.endpoints.values()].map((e) => e.ip).sort();
    expect(ips).toEqual(['172.17.0.2', '172.17.0.3']);
    const c = w.docker.containers.get(a.id);
    const ns = c?.netns ? w.netns.get(c.netns) : undefined;
    const eth0 = ns ? w.ifaces.get(ns.byName.get('eth0') ?? ('' as never)) : undefined;
    expect(eth0?.ifindex).toBe(2);
    const hostEnd = eth0?.peer ? w.ifaces.get(eth0.peer) : undefined;
    expect(hostEnd?.name).toMatch(/^veth[0-9a-f]{7}$/);
    expect(hostEnd?.netns).toBe(HOST_NS);
    expect(ns?.routes.find((r) => r.dst === 'default')?.via).toBe('172.17.0.1');
    endpointsOk(w);
  });

  it('reuses the lowest free address after a container goes', () => {
    let w = createWorld(3);
    const a = run(w, spec('alpine', { openStdin: true }));
    const b = run(a.world, spec('alpine', { openStdin: true }));
    const rm = removeContainer(b.world, a.id, true);
    if (!rm.ok) throw new Error(rm.error.code);
    w = run(rm.value.world, spec('alpine', { openStdin: true })).world;
    expect([...w.docker.endpoints.values()].map((e) => e.ip).sort()).toEqual(['172.17.0.2', '172.17.0.3']);
  });

  it('a shell without -i exits at once and releases its address', () => {
    const w = run(createWorld(1), spec('alpine')).world;
    const c = [...w.docker.containers.values()][0];
    expect(c?.state).toBe('exited');
    expect(w.docker.endpoints.size).toBe(0);
  });

  it('publishing a port adds the rules and a docker-proxy per address family; removing the container takes them away', () => {
    const w0 = run(createWorld(2), spec('nginx', { name: 'other' })).world;
    const before = rules(w0);
    const { world, id } = run(w0, spec('nginx', { name: 'web', publish: [{ containerPort: 80, proto: 'tcp', hostIp: '', hostPort: '8080' }] }));
    const after = rules(world);
    expect(after).toContain('--dport 8080 -j DNAT --to-destination 172.17.0.3:80');
    const proxies = [...world.processes.values()].filter((p) => p.cmd.startsWith('/usr/bin/docker-proxy'));
    expect(proxies.map((p) => p.cmd)).toEqual([
      '/usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 172.17.0.3 -container-port 80 -use-listen-fd',
      '/usr/bin/docker-proxy -proto tcp -host-ip :: -host-port 8080 -container-ip 172.17.0.3 -container-port 80 -use-listen-fd',
    ]);
    const gone = removeContainer(world, id, true);
    if (!gone.ok) throw new Error(gone.error.code);
    expect(rules(gone.value.world)).toBe(before);
    expect([...gone.value.world.processes.values()].some((p) => p.cmd.includes('docker-proxy'))).toBe(false);
  });

  it('refuses a second binding of the same host port with Docker 28\'s error', () => {
    const a = run(createWorld(4), spec('nginx', { publish: [{ containerPort: 80, proto: 'tcp', hostIp: '', hostPort: '8080' }] }));
    const c = createContainer(a.world, spec('nginx', { name: 'web2', publish: [{ containerPort: 80, proto: 'tcp', hostIp: '', hostPort: '8080' }] }));
    if (!c.ok) throw new Error(c.error.code);
    const s = startContainer(c.value.world, c.value.id);
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.error.code).toBe('port-allocated');
  });

  it('keeps its invariants under any sequence of operations', () => {
    const op = fc.oneof(
      fc.record({ k: fc.constant('run' as const), net: fc.constantFrom('', 'host', 'none', 'n1'), port: fc.option(fc.integer({ min: 8000, max: 8003 }), { nil: undefined }) }),
      fc.record({ k: fc.constantFrom('stop' as const, 'rm' as const, 'start' as const), i: fc.nat() }),
      fc.record({ k: fc.constantFrom('mknet' as const, 'rmnet' as const, 'connect' as const, 'disconnect' as const), i: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        let w = createWorld(11);
        const pristine = rules(w);
        for (const o of ops) {
          const ids = [...w.docker.containers.keys()];
          const pick = (i: number) => ids[i % Math.max(ids.length, 1)];
          if (o.k === 'run') {
            const publish = o.port ? [{ containerPort: 80, proto: 'tcp' as const, hostIp: '', hostPort: String(o.port) }] : [];
            const created = createContainer(w, spec('nginx', { network: o.net, publish }));
            if (created.ok) {
              const s = startContainer(created.value.world, created.value.id);
              w = s.ok ? s.value.world : created.value.world;
            }
          } else if (o.k === 'mknet') {
            const r = createNetwork(w, { name: 'n1', driver: 'bridge', ipam: [], internal: false, attachable: false, options: {}, labels: {} });
            if (r.ok) w = r.value.world;
          } else if (o.k === 'rmnet') {
            const r = removeNetwork(w, 'n1');
            if (r.ok) w = r.value.world;
          } else {
            const id = pick(o.i);
            if (!id) continue;
            const r =
              o.k === 'stop' ? stopContainer(w, id)
              : o.k === 'rm' ? removeContainer(w, id, true)
              : o.k === 'start' ? startContainer(w, id)
              : o.k === 'connect' ? connectNetwork(w, { network: 'n1', container: id, aliases: [], links: [] })
              : disconnectNetwork(w, 'n1', id, false);
            if (r.ok) w = r.value.world;
          }
          endpointsOk(w);
        }
        // Tear everything down: nothing the containers and networks made may stay behind.
        for (const id of [...w.docker.containers.keys()]) {
          const r = removeContainer(w, id, true);
          if (r.ok) w = r.value.world;
        }
        const r = removeNetwork(w, 'n1');
        if (r.ok) w = r.value.world;
        expect(rules(w)).toBe(pristine);
        expect([...w.ifaces.values()].filter((i) => i.kind === 'veth')).toEqual([]);
        expect(w.docker.portsInUse.size).toBe(0);
      }),
      { numRuns: 60 },
    );
  });
});
