import { describe, expect, it } from 'vitest';
import { createWorld } from '../createWorld';
import { HOST_NS } from '../ids';
import { readSysctl, writeSysctl } from './sysctl';

describe('sysctl keys', () => {
  const w = createWorld(1);
  it('reads by dotted name or /proc path', () => {
    expect(readSysctl(w, HOST_NS, 'net.ipv4.ip_forward')).toBe('1');
    expect(readSysctl(w, HOST_NS, '/proc/sys/net/ipv4/ip_forward')).toBe('1');
    expect(readSysctl(w, HOST_NS, 'net.ipv4.nope')).toBeNull();
  });
  it('writes ip_forward (any non-zero integer is on); other keys are refused', () => {
    const off = writeSysctl(w, HOST_NS, 'net.ipv4.conf.all.forwarding', ' 0\n');
    expect(off.ok && readSysctl(off.value, HOST_NS, 'net.ipv4.ip_forward')).toBe('0');
    const on = off.ok ? writeSysctl(off.value, HOST_NS, 'net.ipv4.ip_forward', '2') : off;
    expect(on.ok && on.value.netns.get(HOST_NS)?.forwarding).toBe(true);
    expect(writeSysctl(w, HOST_NS, 'net.ipv4.ip_forward', 'yes')).toEqual({ ok: false, error: { code: 'sysctl-invalid', data: { key: 'net.ipv4.ip_forward' } } });
    expect(writeSysctl(w, HOST_NS, 'net.ipv4.ip_local_port_range', '1 2')).toEqual({ ok: false, error: { code: 'sysctl-read-only', data: { key: 'net.ipv4.ip_local_port_range' } } });
  });
});
