import { describe, expect, it } from 'vitest';
import { createWorld } from '../createWorld';
import { HOST_NS, ROUTER_NS } from '../ids';
import { ipRouteGetText, localAddresses, routeLookup } from './route';
import { run } from './packet.testutil';

describe('routeLookup', () => {
  it('uses the local table, then the longest prefix', () => {
    const a = run(createWorld(), 'alpine');
    const w = a.world;
    expect(localAddresses(w, HOST_NS)).toEqual(['127.0.0.1', '192.168.1.10', '172.17.0.1']);
    expect(routeLookup(w, HOST_NS, '192.168.1.10')).toMatchObject({ kind: 'local', src: '192.168.1.10' });
    expect(routeLookup(w, HOST_NS, '127.0.0.53')).toMatchObject({ kind: 'local', src: '127.0.0.1' });
    const c = routeLookup(w, HOST_NS, '172.17.0.2');
    expect(c).toMatchObject({ kind: 'unicast', nexthop: '172.17.0.2', src: '172.17.0.1' });
    expect(ipRouteGetText(w, c)).toBe('172.17.0.2 dev docker0 src 172.17.0.1 uid 0 \n    cache ');
    const d = routeLookup(w, HOST_NS, '8.8.8.8');
    expect(d).toMatchObject({ kind: 'unicast', via: '192.168.1.1', src: '192.168.1.10', text: 'default via 192.168.1.1 dev eth0 proto dhcp metric 100' });
    expect(ipRouteGetText(w, d)).toBe('8.8.8.8 via 192.168.1.1 dev eth0 src 192.168.1.10 uid 0 \n    cache ');
    expect(routeLookup(w, a.netns, '8.8.8.8')).toMatchObject({ kind: 'unicast', via: '172.17.0.1', src: '172.17.0.2', text: 'default via 172.17.0.1 dev eth0' });
    // The router's uplink route is on-link: the next hop is the destination itself.
    expect(routeLookup(w, ROUTER_NS, '8.8.8.8')).toMatchObject({ kind: 'unicast', nexthop: '8.8.8.8', src: '203.0.113.45' });
  });

  it('has no route in a none container but lo', () => {
    const a = run(createWorld(), 'alpine', { network: 'none' });
    expect(routeLookup(a.world, a.netns, '172.17.0.1').kind).toBe('unreachable');
    expect(localAddresses(a.world, a.netns)).toEqual(['127.0.0.1']);
  });
});
