import { describe, expect, it } from 'vitest';
import { createWorld } from '../../engine/createWorld';
import { HOST_NS } from '../../engine/ids';
import { ipAddrText, ipLinkText } from './iproute';
import { nsIfaces } from './linkState';
import { buildLab } from './testWorld';

const macOf = (w: ReturnType<typeof createWorld>, name: string) => nsIfaces(w, HOST_NS).find((i) => i.name === name)?.mac ?? '?';

describe('ip addr on a fresh host (iproute2 6.15)', () => {
  const w = createWorld();
  const text = ipAddrText(w, HOST_NS, {});
  it('prints lo, eth0 and a carrier-less docker0 byte for byte', () => {
    expect(text).toBe(
      [
        '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
        '    inet 127.0.0.1/8 scope host lo',
        '       valid_lft forever preferred_lft forever',
        '    inet6 ::1/128 scope host noprefixroute ',
        '       valid_lft forever preferred_lft forever',
        '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000',
        '    link/ether 52:54:00:6b:3c:1e brd ff:ff:ff:ff:ff:ff',
        '    inet 192.168.1.10/24 brd 192.168.1.255 scope global eth0',
        '       valid_lft forever preferred_lft forever',
        '    inet6 fe80::5054:ff:fe6b:3c1e/64 scope link ',
        '       valid_lft forever preferred_lft forever',
        // A bridge has no queue: the line ends with "group default " (trailing space, no qlen).
        '3: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN group default ',
        `    link/ether ${macOf(w, 'docker0')} brd ff:ff:ff:ff:ff:ff`,
        '    inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0',
        '       valid_lft forever preferred_lft forever',
        '',
      ].join('\n'),
    );
  });
});

describe('ip addr with containers', () => {
  const lab = buildLab();
  const w = lab.world;
  const text = ipAddrText(w, HOST_NS, {});
  it('pairs host veths with eth0 (index 2 in each sandbox) and numbers the peer namespaces', () => {
    const veths = nsIfaces(w, HOST_NS).filter((i) => i.kind === 'veth');
    expect(veths.length).toBe(4);
    veths.forEach((v, n) => {
      expect(text).toContain(`${v.ifindex}: ${v.name}@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master ${n === 2 ? w.ifaces.get(v.master ?? ('' as never))?.name : 'docker0'} state UP group default \n    link/ether ${v.mac} brd ff:ff:ff:ff:ff:ff link-netnsid ${n}\n`);
    });
    expect(text).toContain('3: docker0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default \n');
  });
  it('-4 drops the link line and links without IPv4', () => {
    const four = ipAddrText(w, HOST_NS, { family: 'inet' });
    expect(four).not.toContain('link/');
    expect(four).not.toContain('veth');
    expect(four).toContain('2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000\n    inet 192.168.1.10/24');
  });
  it('-br pads the name to 16 and the state to 14 and keeps the trailing space', () => {
    const br = ipAddrText(w, HOST_NS, { brief: true }).split('\n');
    expect(br[0]).toBe('lo               UNKNOWN        127.0.0.1/8 ::1/128 ');
    expect(br[2]).toBe('docker0          UP             172.17.0.1/16 ');
  });
  it('ip link adds mode DEFAULT; -br link shows MAC and flags', () => {
    expect(ipLinkText(w, HOST_NS, {}).split('\n')[0]).toBe('1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000');
    expect(ipLinkText(w, HOST_NS, { brief: true }).split('\n')[1]).toBe('eth0             UP             52:54:00:6b:3c:1e <BROADCAST,MULTICAST,UP,LOWER_UP> ');
  });
  it('container eth0 (iproute2 view) points back at the host veth and the host namespace', () => {
    const c = w.docker.containers.get(lab.web);
    const ns = c?.netns;
    expect(ns).toBeDefined();
    if (!ns) return;
    const eth0 = nsIfaces(w, ns)[1];
    const peer = eth0?.peer ? w.ifaces.get(eth0.peer) : undefined;
    expect(ipAddrText(w, ns, { dev: 'eth0' })).toBe(
      `2: eth0@if${peer?.ifindex}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default \n    link/ether ${eth0?.mac} brd ff:ff:ff:ff:ff:ff link-netnsid 0\n    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\n       valid_lft forever preferred_lft forever\n`,
    );
  });
  it('-o puts each address on one line with backslashes', () => {
    expect(ipAddrText(w, HOST_NS, { oneline: true }).split('\n')[0]).toBe('1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever');
  });
});
