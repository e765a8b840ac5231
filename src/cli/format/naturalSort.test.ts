import { describe, expect, it } from 'vitest';
import { naturalCompare, naturalLess } from './naturalSort';

describe('sortorder.NaturalLess', () => {
  it('compares runs of digits as numbers', () => {
    expect(naturalLess('net2', 'net10')).toBe(true);
    expect(naturalLess('net10', 'net2')).toBe(false);
    expect(['net10', 'net2', 'net1'].sort(naturalCompare)).toEqual(['net1', 'net2', 'net10']);
  });

  it('sorts digits before other characters and bytes bytewise (uppercase first)', () => {
    expect(naturalLess('1abc', 'abc')).toBe(true);
    expect(['bridge', 'Zeta', 'alpha', '9net'].sort(naturalCompare)).toEqual(['9net', 'Zeta', 'alpha', 'bridge']);
  });

  it('equal numbers: fewer leading zeros first; a prefix sorts first', () => {
    expect(naturalLess('a01', 'a001')).toBe(true);
    expect(naturalLess('a1', 'a01')).toBe(true);
    expect(naturalLess('net', 'net1')).toBe(true);
    expect(naturalLess('x', 'x')).toBe(false);
  });

  it('orders docker port lines: 0.0.0.0 before [::], 80 before 443', () => {
    const lines = ['443/tcp -> [::]:8443', '80/tcp -> [::]:8080', '443/tcp -> 0.0.0.0:8443', '80/tcp -> 0.0.0.0:8080'];
    expect(lines.sort(naturalCompare)).toEqual(['80/tcp -> 0.0.0.0:8080', '80/tcp -> [::]:8080', '443/tcp -> 0.0.0.0:8443', '443/tcp -> [::]:8443']);
  });

  it('reproduces the network ls order of the real capture', () => {
    const names = ['pd24-bridge', 'none', 'minikube', 'host', 'bridge'];
    expect(names.sort(naturalCompare)).toEqual(['bridge', 'host', 'minikube', 'none', 'pd24-bridge']);
  });
});
