import { describe, expect, it } from 'vitest';
import { bbAddrText, bbLinkText, bbRouteGetText, bbRouteText } from './busyboxIp';
import { lookup } from './iprouteRoute';
import { nsIfaces } from './linkState';
import { buildLab } from './testWorld';

describe('busybox ip in an alpine container', () => {
  const lab = buildLab();
  const w = lab.world;
  const ns = w.docker.containers.get(lab.a1)?.netns;
  if (!ns) throw new Error('no netns');
  const eth0 = nsIfaces(w, ns)[1];
  const peer = eth0?.peer ? w.ifaces.get(eth0.peer) : undefined;

  it('prints qlen after the state, no group, and M-DOWN for a peer it cannot see', () => {
    expect(bbAddrText(w, ns, {})).toBe(
      [
        '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000',
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
        '    inet 127.0.0.1/8 scope host lo',
        '       valid_lft forever preferred_lft forever',
        // busybox never prints IFA_FLAGS, so no "noprefixroute" after ::1.
        '    inet6 ::1/128 scope host ',
        '       valid_lft forever preferred_lft forever',
        `2: eth0@if${peer?.ifindex}: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP `,
        `    link/ether ${eth0?.mac} brd ff:ff:ff:ff:ff:ff`,
        '    inet 172.17.0.3/16 brd 172.17.255.255 scope global eth0',
        '       valid_lft forever preferred_lft forever',
        '',
      ].join('\n'),
    );
  });
  it('ip link has the same header lines', () => {
    expect(bbLinkText(w, ns, {}).split('\n')[2]).toBe(`2: eth0@if${peer?.ifindex}: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP `);
  });
  it('routes: no proto, "scope link " then " src X "', () => {
    expect(bbRouteText(w, ns)).toBe('default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 scope link  src 172.17.0.3 \n');
  });
  it('route get prints the cloned route without a cache line', () => {
    expect(bbRouteGetText(w, lookup(w, ns, '8.8.8.8'))).toBe('8.8.8.8 via 172.17.0.1 dev eth0  src 172.17.0.3 \n');
  });
});
