import { describe, expect, it } from 'vitest';
import { createWorld } from '../../engine/createWorld';
import { run, spec } from '../../engine/testkit';
import { dispatch } from '../dispatch';
import { HOST, buildLab, inside } from '../format/testWorld';
import type { CommandOutput, Shell } from '../types';
import type { World } from '../../engine/world';

const text = (r: CommandOutput) => r.out.map((o) => o.text).join('');
const ip = (w: World, sh: Shell, ...args: string[]) => dispatch(w, sh, ['ip', ...args]);

describe('ip: parsing the iproute2 way', () => {
  const w = createWorld();
  it('abbreviations: ip a s, ip r, ip -br l, ip -4 addr show dev eth0', () => {
    expect(text(ip(w, HOST, 'a', 's'))).toBe(text(ip(w, HOST, 'address', 'show')));
    expect(text(ip(w, HOST, 'r'))).toContain('default via 192.168.1.1 dev eth0 proto dhcp metric 100 \n');
    expect(text(ip(w, HOST, '-br', 'l'))).toContain('eth0             UP             52:54:00:6b:3c:1e');
    expect(text(ip(w, HOST, '-4', 'addr', 'show', 'dev', 'eth0'))).toBe(
      '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000\n    inet 192.168.1.10/24 brd 192.168.1.255 scope global eth0\n       valid_lft forever preferred_lft forever\n',
    );
  });
  it('errors in iproute2 words and exit codes', () => {
    const dev = ip(w, HOST, 'addr', 'show', 'eth9');
    expect(dev).toEqual({ out: [{ stream: 'err', text: 'Device "eth9" does not exist.\n' }], exitCode: 1 });
    expect(ip(w, HOST, 'foo')).toEqual({ out: [{ stream: 'err', text: 'Object "foo" is unknown, try "ip help".\n' }], exitCode: 1 });
    expect(ip(w, HOST, '-x', 'a')).toEqual({ out: [{ stream: 'err', text: 'Option "-x" is unknown, try "ip -help".\n' }], exitCode: 255 });
    expect(ip(w, HOST, 'addr', 'bogus')).toEqual({ out: [{ stream: 'err', text: 'Command "bogus" is unknown, try "ip address help".\n' }], exitCode: 255 });
    expect(ip(w, HOST, 'route', 'show', 'dev', 'eth9')).toEqual({ out: [{ stream: 'err', text: 'Cannot find device "eth9"\n' }], exitCode: 1 });
    expect(ip(w, HOST, 'route', 'get', 'google.com')).toEqual({ out: [{ stream: 'err', text: 'Error: any valid prefix is expected rather than "google.com".\n' }], exitCode: 1 });
    const usage = ip(w, HOST);
    expect(usage.exitCode).toBe(255);
    expect(text(usage).startsWith('Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n')).toBe(true);
  });
  it('ip netns is empty on a Docker host (Docker keeps its namespaces under /var/run/docker/netns)', () => {
    expect(ip(w, HOST, 'netns')).toEqual({ out: [], exitCode: 0 });
    expect(ip(w, HOST, 'netns', 'exec', '1a2b3c4d5e6f', 'ip', 'a')).toEqual({ out: [{ stream: 'err', text: 'Cannot open network namespace "1a2b3c4d5e6f": No such file or directory\n' }], exitCode: 1 });
  });
  it('route get through the router; unreachable on an internal-like namespace without a default route', () => {
    expect(text(ip(w, HOST, 'route', 'get', '8.8.8.8'))).toBe('8.8.8.8 via 192.168.1.1 dev eth0 src 192.168.1.10 uid 0 \n    cache \n');
    const none = run(w, spec('python', { network: 'none', cmd: ['sleep', '1000'] }));
    expect(ip(none.world, inside(none.id, 'bash'), 'route', 'get', '8.8.8.8')).toEqual({ out: [{ stream: 'err', text: 'RTNETLINK answers: Network is unreachable\n' }], exitCode: 2 });
  });
  it('the laptop has iproute2 on wlan0', () => {
    expect(text(ip(w, { at: 'laptop' }, '-br', 'a'))).toContain('wlan0            UP             192.168.1.20/24');
  });
});

describe('ip inside containers: the image decides', () => {
  const lab = buildLab();
  it('alpine runs BusyBox ip (qlen after state, M-DOWN, no link-netnsid)', () => {
    const out = text(ip(lab.world, inside(lab.a1), 'addr'));
    expect(out).toContain('state UNKNOWN qlen 1000\n');
    expect(out).toMatch(/2: eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP \n/);
    expect(out).not.toContain('link-netnsid');
  });
  it('BusyBox words its own errors', () => {
    expect(ip(lab.world, inside(lab.a1), 'addr', 'show', 'eth9')).toEqual({ out: [{ stream: 'err', text: "ip: can't find device 'eth9'\n" }], exitCode: 1 });
    const br = ip(lab.world, inside(lab.a1), '-br', 'a');
    expect(br.exitCode).toBe(1);
    expect(text(br)).toContain('Usage: ip [OPTIONS] address|route|link|tunnel|neigh|rule [ARGS]');
  });
  it('nginx ships no ip: bash says command not found', () => {
    expect(ip(lab.world, inside(lab.web, 'bash'), 'a')).toEqual({ out: [{ stream: 'err', text: 'bash: ip: command not found\n' }], exitCode: 127 });
  });
  it('python ships iproute2: link-netnsid 0 points at the host', () => {
    const py = run(lab.world, spec('python', { cmd: ['sleep', '1000'] }));
    expect(text(ip(py.world, inside(py.id, 'bash'), 'a'))).toMatch(/2: eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default \n    link\/ether [0-9a-f:]{17} brd ff:ff:ff:ff:ff:ff link-netnsid 0\n/);
  });
});
