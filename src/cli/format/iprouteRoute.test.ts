import { describe, expect, it } from 'vitest';
import { createWorld } from '../../engine/createWorld';
import { HOST_NS } from '../../engine/ids';
import { ipRoute6Text, ipRouteGetText, ipRouteText, lookup, parseGetTarget } from './iprouteRoute';
import { buildLab } from './testWorld';

describe('ip route (iproute2)', () => {
  it('flags docker0 linkdown while no container runs; every line ends with a space', () => {
    expect(ipRouteText(createWorld(), HOST_NS)).toBe(
      'default via 192.168.1.1 dev eth0 proto dhcp metric 100 \n' +
        '172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 linkdown \n' +
        '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.10 \n',
    );
  });
  it('sorts by destination and drops linkdown once ports forward', () => {
    const lab = buildLab();
    const lines = ipRouteText(lab.world, HOST_NS).split('\n');
    expect(lines[1]).toBe('172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 ');
    expect(lines[2]).toMatch(/^172\.18\.0\.0\/16 dev br-[0-9a-f]{12} proto kernel scope link src 172\.18\.0\.1 $/);
  });
  it('omits dev when filtered by it', () => {
    expect(ipRouteText(createWorld(), HOST_NS, 'eth0')).toBe('default via 192.168.1.1 proto dhcp metric 100 \n192.168.1.0/24 proto kernel scope link src 192.168.1.10 \n');
  });
  it('a container: default via the gateway (proto boot is implicit), then the connected route', () => {
    const lab = buildLab();
    const ns = lab.world.docker.containers.get(lab.web)?.netns;
    if (!ns) throw new Error('no netns');
    expect(ipRouteText(lab.world, ns)).toBe('default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 proto kernel scope link src 172.17.0.2 \n');
  });
  it('-6 lists the kernel routes of lo and each link-local', () => {
    expect(ipRoute6Text(createWorld(), HOST_NS)).toBe('::1 dev lo proto kernel metric 256 pref medium\nfe80::/64 dev eth0 proto kernel metric 256 pref medium\n');
  });
});

describe('ip route get', () => {
  const w = createWorld();
  it('a remote address goes via the router with uid and cache lines', () => {
    expect(ipRouteGetText(w, lookup(w, HOST_NS, '8.8.8.8'))).toBe('8.8.8.8 via 192.168.1.1 dev eth0 src 192.168.1.10 uid 0 \n    cache \n');
  });
  it('a local address is a local route of table local', () => {
    expect(ipRouteGetText(w, lookup(w, HOST_NS, '172.17.0.1'))).toBe('local 172.17.0.1 dev lo table local src 172.17.0.1 uid 0 \n    cache <local> \n');
  });
  it('parses only IPv4 addresses (with an optional prefix length)', () => {
    expect(parseGetTarget('8.8.8.8')).toEqual({ ip: '8.8.8.8', bits: 32 });
    expect(parseGetTarget('google.com')).toBeNull();
  });
});
