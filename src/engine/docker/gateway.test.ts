import { describe, expect, it } from 'vitest';
import { createWorld } from '../createWorld';
import { HOST_NS } from '../ids';
import { connectNetwork, disconnectNetwork } from './connect';
import { createNetwork } from './networks';
import { run, spec } from '../testkit';
import type { World } from '../world';

function net(w: World, name: string): World {
  const r = createNetwork(w, { name, driver: 'bridge', ipam: [], internal: false, attachable: false, options: {}, labels: {} });
  if (!r.ok) throw new Error(r.error.code);
  return r.value.world;
}

function defaultVia(w: World, name: string): string | undefined {
  const c = [...w.docker.containers.values()].find((x) => x.name === name);
  const ns = c?.netns ? w.netns.get(c.netns) : undefined;
  return ns?.routes.find((r) => r.dst === 'default')?.via;
}

describe('the gateway endpoint (libnetwork Endpoint.Less, selectGatewayEndpoint)', () => {
  it('takes the network that sorts first by name; the default route and the ports move with it', () => {
    let w = net(net(createWorld(1), 'beta'), 'alpha'); // beta 172.18, alpha 172.19
    w = run(w, spec('nginx', { name: 'web', network: 'beta', publish: [{ containerPort: 80, proto: 'tcp', hostIp: '', hostPort: '8080' }] })).world;
    expect(defaultVia(w, 'web')).toBe('172.18.0.1');
    const joined = connectNetwork(w, { network: 'alpha', container: 'web', aliases: [], links: [] });
    if (!joined.ok) throw new Error(joined.error.code);
    w = joined.value.world;
    expect(defaultVia(w, 'web')).toBe('172.19.0.1');
    const dnat = (x: World) => x.netns.get(HOST_NS)?.nf.tables.nat.chains['DOCKER']?.rules.map((r) => r.spec.target).filter((t) => t.t === 'DNAT');
    expect(dnat(w)).toEqual([{ t: 'DNAT', to: '172.19.0.2:80' }]);
    const left = disconnectNetwork(w, 'alpha', 'web', false);
    if (!left.ok) throw new Error(left.error.code);
    expect(defaultVia(left.value.world, 'web')).toBe('172.18.0.1');
    expect(dnat(left.value.world)).toEqual([{ t: 'DNAT', to: '172.18.0.2:80' }]);
  });

  it('skips internal networks: they have no gateway', () => {
    let w = createWorld(1);
    const r = createNetwork(w, { name: 'aaa-internal', driver: 'bridge', ipam: [], internal: true, attachable: false, options: {}, labels: {} });
    if (!r.ok) throw new Error(r.error.code);
    w = net(r.value.world, 'zzz');
    w = run(w, spec('alpine', { name: 'cc', network: 'aaa-internal', openStdin: true })).world;
    expect(defaultVia(w, 'cc')).toBeUndefined();
    const j = connectNetwork(w, { network: 'zzz', container: 'cc', aliases: [], links: [] });
    if (!j.ok) throw new Error(j.error.code);
    expect(defaultVia(j.value.world, 'cc')).toBe('172.19.0.1');
  });
});
