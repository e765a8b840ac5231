import { describe, expect, it } from 'vitest';
import { createWorld } from '../createWorld';
import { removeContainer, stopContainer } from '../docker/lifecycle';
import { HOST_NS, LAPTOP_NS, type IfaceId } from '../ids';
import { sendPacket } from '../packet/send';
import { run, spec } from '../testkit';
import { toTopology } from '../topology';
import type { World } from '../world';
import { addrAdd, addrDel, routeAdd, routeDel, setLinkUp } from './manual';
import { parseCidr } from './ipv4';

const ok = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(`unexpected failure: ${JSON.stringify(r.error)}`);
  return r.value;
};
const dev = (w: World, ns: string, name: string): IfaceId => {
  const id = w.netns.get(ns as never)?.byName.get(name);
  if (!id) throw new Error(`no ${name} in ${ns}`);
  return id;
};
const routes = (w: World, ns: string) => (w.netns.get(ns as never)?.routes ?? []).map((r) => `${r.dst}${r.via ? ` via ${r.via}` : ''} ${r.proto}`);
const sendPing = (w: World, from: string, dst: string) => sendPacket(w, from as never, { dst, proto: 'icmp', bytes: 84 });
const pfx = (s: string) => {
  const p = s === 'default' ? { addr: 0, bits: 0 } : parseCidr(s);
  if (!p) throw new Error(s);
  return p;
};

describe('ip link set up/down: the FIB follows the link', () => {
  it('down flushes every route of the device; up brings back only the connected ones', () => {
    const w0 = createWorld();
    const eth0 = dev(w0, 'laptop', 'wlan0');
    const w1 = ok(routeAdd(w0, LAPTOP_NS, { dst: pfx('172.17.0.0/16'), via: '192.168.1.10' }, 'add')).world;
    expect(routes(w1, 'laptop')).toEqual(['192.168.1.0/24 kernel', 'default via 192.168.1.1 dhcp', '172.17.0.0/16 via 192.168.1.10 boot']);
    const down = ok(setLinkUp(w1, eth0, false));
    expect(down.events).toEqual([{ type: 'link-down', iface: eth0, netns: LAPTOP_NS, name: 'wlan0' }]);
    expect(routes(down.world, 'laptop')).toEqual([]);
    const up = ok(setLinkUp(down.world, eth0, true)).world;
    expect(routes(up, 'laptop')).toEqual(['192.168.1.0/24 kernel']);
    // Setting the state it already has changes nothing.
    expect(ok(setLinkUp(up, eth0, true))).toEqual({ world: up, events: [] });
  });

  it('a host veth down makes the container unreachable; up again restores it (its routes were not touched)', () => {
    const a = run(createWorld(), spec('alpine', { cmd: ['sleep', '1000'] }));
    const b = run(a.world, spec('alpine', { cmd: ['sleep', '1000'] }));
    const c = b.world.docker.containers.get(b.id);
    const ep = c?.networks[0];
    const hostVeth = [...b.world.ifaces.values()].find((i) => i.netns === HOST_NS && i.kind === 'veth' && b.world.ifaces.get(i.peer as IfaceId)?.netns === c?.netns);
    if (!hostVeth || !ep) throw new Error('setup');
    expect(sendPing(b.world, HOST_NS, '172.17.0.3').delivered).toBe(true);
    const down = ok(setLinkUp(b.world, hostVeth.id, false)).world;
    const lost = sendPing(down, c?.netns ?? HOST_NS, '172.17.0.2');
    expect(lost.delivered).toBe(false);
    expect(sendPing(down, HOST_NS, '172.17.0.3').delivered).toBe(false);
    // The picture marks the interface down (graph class state-down).
    expect(toTopology(down).nodes.find((n) => n.id === hostVeth.id)?.details.state).toBe('DOWN');
    const up = ok(setLinkUp(down, hostVeth.id, true)).world;
    expect(sendPing(up, HOST_NS, '172.17.0.3').delivered).toBe(true);
    // Docker still cleans up after a hand-made change.
    const stopped = ok(stopContainer(down, b.id)).world;
    const removed = ok(removeContainer(stopped, b.id, false)).world;
    expect(removed.ifaces.has(hostVeth.id)).toBe(false);
  });
});

describe('ip route add/replace/del: fib_table_insert and fib_table_delete', () => {
  const w = createWorld();
  const eth0 = dev(w, 'host', 'eth0');
  it('checks the key, the gateway and duplicates in the kernel order', () => {
    expect(routeAdd(w, HOST_NS, { dst: pfx('10.1.2.3/8'), via: '192.168.1.1' }, 'add')).toEqual({ ok: false, error: { code: 'netlink-error', data: { errno: 'EINVAL', msg: 'Invalid prefix for given prefix length' } } });
    expect(routeAdd(w, HOST_NS, { dst: pfx('10.0.0.0/8'), via: '10.9.9.9' }, 'add')).toEqual({ ok: false, error: { code: 'netlink-error', data: { errno: 'ENETUNREACH', msg: 'Nexthop has invalid gateway' } } });
    // The gateway is on eth0's subnet, not on lo's.
    expect(routeAdd(w, HOST_NS, { dst: pfx('10.0.0.0/8'), via: '192.168.1.1', dev: dev(w, 'host', 'lo') }, 'add').ok).toBe(false);
    expect(routeAdd(w, HOST_NS, { dst: pfx('10.0.0.0/8') }, 'add')).toEqual({ ok: false, error: { code: 'netlink-error', data: { errno: 'ENODEV' } } });
    expect(routeAdd(w, HOST_NS, { dst: pfx('192.168.1.0/24'), dev: eth0 }, 'add')).toEqual({ ok: false, error: { code: 'netlink-error', data: { errno: 'EEXIST' } } });
    // Another metric is another alias of the prefix.
    expect(routeAdd(w, HOST_NS, { dst: pfx('192.168.1.0/24'), dev: eth0, metric: 50 }, 'add').ok).toBe(true);
  });
  it('replace takes the place of the alias with the same metric; del removes the first match', () => {
    const r1 = ok(routeAdd(w, HOST_NS, { dst: pfx('default'), via: '192.168.1.1', metric: 100 }, 'replace')).world;
    expect(routes(r1, 'host')).toEqual(routes(w, 'host').map((r) => (r.startsWith('default') ? 'default via 192.168.1.1 boot' : r)));
    expect(routeDel(w, HOST_NS, { dst: pfx('10.0.0.0/8') })).toEqual({ ok: false, error: { code: 'netlink-error', data: { errno: 'ESRCH' } } });
    expect(routeDel(w, HOST_NS, { dst: pfx('default'), via: '192.168.1.2' }).ok).toBe(false);
    const gone = ok(routeDel(w, HOST_NS, { dst: pfx('default') }));
    expect(routes(gone.world, 'host').some((r) => r.startsWith('default'))).toBe(false);
    expect(gone.events).toEqual([{ type: 'route-deleted', netns: HOST_NS, dst: 'default' }]);
  });
  it('a device route on a down link is refused', () => {
    const down = ok(setLinkUp(w, eth0, false)).world;
    expect(routeAdd(down, HOST_NS, { dst: pfx('10.0.0.0/8'), dev: eth0 }, 'add')).toEqual({ ok: false, error: { code: 'netlink-error', data: { errno: 'ENETDOWN', msg: 'Device for nexthop is not up' } } });
  });
});

describe('ip addr add/del', () => {
  const w = createWorld();
  const eth0 = dev(w, 'laptop', 'wlan0');
  it('adds the address and its connected route; the same address twice is EEXIST; same subnet is a secondary', () => {
    const a = ok(addrAdd(w, eth0, { ip: '10.5.0.1', prefix: 24 })).world;
    expect(a.ifaces.get(eth0)?.addrs.at(-1)).toEqual({ ip: '10.5.0.1', prefix: 24, scope: 'global' });
    expect(a.netns.get(LAPTOP_NS)?.routes.at(-1)).toEqual({ dst: '10.5.0.0/24', dev: eth0, proto: 'kernel', scope: 'link', src: '10.5.0.1' });
    expect(addrAdd(a, eth0, { ip: '10.5.0.1', prefix: 24 })).toEqual({ ok: false, error: { code: 'netlink-error', data: { errno: 'EEXIST' } } });
    const b = ok(addrAdd(a, eth0, { ip: '10.5.0.2', prefix: 24 })).world;
    expect(b.ifaces.get(eth0)?.addrs.at(-1)?.secondary).toBe(true);
    expect(b.netns.get(LAPTOP_NS)?.routes.length).toBe(a.netns.get(LAPTOP_NS)?.routes.length);
    // Deleting the primary promotes the secondary, which brings the route back with its source.
    const c = ok(addrDel(b, eth0, '10.5.0.1', 24)).world;
    expect(c.ifaces.get(eth0)?.addrs.at(-1)).toEqual({ ip: '10.5.0.2', prefix: 24, scope: 'global' });
    expect(c.netns.get(LAPTOP_NS)?.routes.at(-1)).toEqual({ dst: '10.5.0.0/24', dev: eth0, proto: 'kernel', scope: 'link', src: '10.5.0.2' });
  });
  it('deleting a missing address is "ipv4: Address not found"; the last one takes every route of the device', () => {
    expect(addrDel(w, eth0, '10.9.9.9')).toEqual({ ok: false, error: { code: 'netlink-error', data: { errno: 'EADDRNOTAVAIL', msg: 'ipv4: Address not found' } } });
    const gone = ok(addrDel(w, eth0, '192.168.1.20', 24));
    expect(routes(gone.world, 'laptop')).toEqual([]);
    expect(gone.events).toEqual([{ type: 'addr-deleted', iface: eth0, ip: '192.168.1.20', prefix: 24 }]);
  });
});
