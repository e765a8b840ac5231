import { describe, expect, it } from 'vitest';
import { createWorld } from '../../engine/createWorld';
import { HOST_NS } from '../../engine/ids';
import { carrier, formatIpv6, linkFlags, linkLocal6, nsIfaces, operState } from './linkState';
import { buildLab } from './testWorld';

describe('linkLocal6 (modified EUI-64)', () => {
  it('matches the real capture of a 02:42 MAC', () => {
    // reference §2.2: 02:42:ac:11:00:02 → fe80::42:acff:fe11:2/64
    expect(linkLocal6('02:42:ac:11:00:02')).toBe('fe80::42:acff:fe11:2');
  });
  it('matches the issue-paste veth addresses', () => {
    // issues-real-misc-outputs.md §5
    expect(linkLocal6('c2:8e:38:b7:93:24')).toBe('fe80::c08e:38ff:feb7:9324');
    expect(linkLocal6('1a:8c:8d:1b:6a:4f')).toBe('fe80::188c:8dff:fe1b:6a4f');
  });
  it('compresses the longest zero run only', () => {
    expect(linkLocal6('02:00:00:00:00:01')).toBe('fe80::ff:fe00:1');
    expect(formatIpv6([0, 0, 0, 0, 0, 0, 0, 1])).toBe('::1');
    expect(formatIpv6([0xfe80, 0, 0, 0, 1, 0, 0, 2])).toBe('fe80::1:0:0:2');
    expect(formatIpv6([1, 0, 2, 3, 4, 5, 6, 7])).toBe('1:0:2:3:4:5:6:7');
  });
});

describe('carrier and operstate', () => {
  it('docker0 has no carrier until a container runs', () => {
    const w = createWorld();
    const docker0 = nsIfaces(w, HOST_NS).find((i) => i.name === 'docker0');
    expect(docker0).toBeDefined();
    if (!docker0) return;
    expect(carrier(w, docker0)).toBe(false);
    expect(operState(w, docker0)).toBe('DOWN');
    expect(linkFlags(w, docker0)).toEqual(['NO-CARRIER', 'BROADCAST', 'MULTICAST', 'UP']);
    const lab = buildLab();
    const d2 = nsIfaces(lab.world, HOST_NS).find((i) => i.name === 'docker0');
    expect(d2 && operState(lab.world, d2)).toBe('UP');
  });
  it('lo is UNKNOWN with LOOPBACK,UP,LOWER_UP', () => {
    const w = createWorld();
    const lo = nsIfaces(w, HOST_NS)[0];
    expect(lo && operState(w, lo)).toBe('UNKNOWN');
    expect(lo && linkFlags(w, lo)).toEqual(['LOOPBACK', 'UP', 'LOWER_UP']);
  });
});
