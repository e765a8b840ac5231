import { describe, expect, it } from 'vitest';
import { createWorld } from '../createWorld';
import { connectNetwork } from './connect';
import { createNetwork } from './networks';
import { run, spec } from '../testkit';

describe('-o com.docker.network.container_iface_prefix (bridge driver Join: containerVethPrefix)', () => {
  it('names the container side PREFIX<n>; other networks keep eth<n>', () => {
    const r = createNetwork(createWorld(1), {
      name: 'optnet', driver: 'bridge', ipam: [], internal: false, attachable: false,
      options: { 'com.docker.network.container_iface_prefix': 'foo' }, labels: {},
    });
    if (!r.ok) throw new Error(r.error.code);
    let w = run(r.value.world, spec('alpine', { name: 'o1', network: 'optnet', tty: true, openStdin: true })).world;
    const joined = connectNetwork(w, { network: 'bridge', container: 'o1', aliases: [], links: [] });
    if (!joined.ok) throw new Error(joined.error.code);
    w = joined.value.world;
    const c = [...w.docker.containers.values()].find((x) => x.name === 'o1');
    const ns = c?.netns ? w.netns.get(c.netns) : undefined;
    expect(ns && [...ns.byName.keys()].sort()).toEqual(['eth0', 'foo0', 'lo']);
  });
});
