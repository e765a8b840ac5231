import { describe, expect, it } from 'vitest';
import { type ApiPort, displayablePorts, joinHostPort, portLines, portLookup } from './displayablePorts';

const pub = (ip: string, publicPort: number, privatePort: number, type = 'tcp'): ApiPort => ({ ip, publicPort, privatePort, type });
const exp = (privatePort: number, type = 'tcp'): ApiPort => ({ ip: '', publicPort: 0, privatePort, type });

describe('DisplayablePorts (reference §3.2, CLI 28.x column)', () => {
  it('-p 8080:80: IPv4 and bracketed IPv6 host mappings', () => {
    expect(displayablePorts([pub('::', 8080, 80), pub('0.0.0.0', 8080, 80)])).toBe('0.0.0.0:8080->80/tcp, [::]:8080->80/tcp');
  });

  it('-p 80:80: the same-port group path also brackets IPv6 (28.0+)', () => {
    expect(displayablePorts([pub('0.0.0.0', 80, 80), pub('::', 80, 80)])).toBe('0.0.0.0:80->80/tcp, [::]:80->80/tcp');
  });

  it('exposed ports only, grouped into ranges per protocol', () => {
    expect(displayablePorts([exp(80)])).toBe('80/tcp');
    expect(displayablePorts([exp(102), exp(100), exp(101)])).toBe('100-102/tcp');
    expect(displayablePorts([exp(53, 'udp'), exp(53), exp(54, 'udp')])).toBe('53/tcp, 53-54/udp');
  });

  it('a broken run starts a new group; closed groups come first', () => {
    expect(displayablePorts([exp(80), exp(81), exp(90)])).toBe('80-81/tcp, 90/tcp');
  });

  it('same-number published ranges group per (IP, proto)', () => {
    const ports = [pub('0.0.0.0', 80, 80), pub('0.0.0.0', 81, 81), pub('::', 80, 80), pub('::', 81, 81)];
    expect(displayablePorts(ports)).toBe('0.0.0.0:80-81->80-81/tcp, [::]:80-81->80-81/tcp');
  });

  it('individual mappings come after every grouped entry', () => {
    const ports = [pub('0.0.0.0', 32768, 80), pub('::', 32768, 80), exp(443)];
    expect(displayablePorts(ports)).toBe('443/tcp, 0.0.0.0:32768->80/tcp, [::]:32768->80/tcp');
  });

  it('a specific host address: only that binding', () => {
    expect(displayablePorts([pub('127.0.0.1', 8080, 80)])).toBe('127.0.0.1:8080->80/tcp');
    expect(displayablePorts([pub('172.23.0.1', 32770, 6379)])).toBe('172.23.0.1:32770->6379/tcp');
  });

  it('the cli docs example (two mappings, sorted by private port)', () => {
    expect(displayablePorts([pub('0.0.0.0', 4321, 7890), pub('0.0.0.0', 1234, 9876)])).toBe('0.0.0.0:4321->7890/tcp, 0.0.0.0:1234->9876/tcp');
  });

  it('no ports: empty', () => {
    expect(displayablePorts([])).toBe('');
  });

  it('net.JoinHostPort', () => {
    expect(joinHostPort('::', 8080)).toBe('[::]:8080');
    expect(joinHostPort('0.0.0.0', '80')).toBe('0.0.0.0:80');
  });
});

describe('docker port (reference §3.3, 23.0+)', () => {
  const ports = new Map([
    ['80/tcp', [{ hostIp: '0.0.0.0', hostPort: '8080' }, { hostIp: '::', hostPort: '8080' }]],
    ['443/tcp', null],
    ['7890/tcp', [{ hostIp: '0.0.0.0', hostPort: '4321' }]],
  ]);

  it('lists every binding, natural-sorted', () => {
    expect(portLines(ports)).toEqual(['80/tcp -> 0.0.0.0:8080', '80/tcp -> [::]:8080', '7890/tcp -> 0.0.0.0:4321']);
  });

  it('one port: proto defaults to tcp', () => {
    expect(portLookup(ports, '80', 'web')).toEqual({ ok: true, lines: ['0.0.0.0:8080', '[::]:8080'] });
    expect(portLookup(ports, '7890/tcp', 'test')).toEqual({ ok: true, lines: ['0.0.0.0:4321'] });
  });

  it('errors echo the argument as typed', () => {
    expect(portLookup(ports, '7890/udp', 'test')).toEqual({ ok: false, error: "Error: No public port '7890/udp' published for test" });
    expect(portLookup(ports, '443', 'web')).toEqual({ ok: false, error: "Error: No public port '443' published for web" });
    expect(portLookup(ports, 'abc', 'web')).toEqual({ ok: false, error: 'Error: invalid port (abc): strconv.ParseUint: parsing "abc": invalid syntax' });
    expect(portLookup(ports, '70000', 'web')).toEqual({ ok: false, error: 'Error: invalid port (70000): strconv.ParseUint: parsing "70000": value out of range' });
  });
});
