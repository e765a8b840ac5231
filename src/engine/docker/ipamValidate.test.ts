import { describe, expect, it } from 'vitest';
import { validateIpam } from './ipamValidate';

describe('validateIpam (api/types/network/ipam.go ValidateIPAM)', () => {
  it('accepts a canonical subnet with its range, gateway and aux addresses', () => {
    expect(validateIpam([{ subnet: '172.28.0.0/16', ipRange: '172.28.5.0/24', gateway: '172.28.5.254', auxAddresses: { r: '172.28.1.5' } }])).toEqual([]);
  });
  it('collects every problem of every config, in the function order', () => {
    expect(validateIpam([{ subnet: 'foo' }, { subnet: '10.0.0.1/16', ipRange: '10.1.0.1/8', gateway: '10.9.0.1', auxAddresses: { b: 'x', a: '11.0.0.1' } }])).toEqual([
      { p: 'subnet-cidr', subnet: 'foo' },
      { p: 'subnet-masked', subnet: '10.0.0.1/16', masked: '10.0.0.0/16' },
      { p: 'range-bigger', range: '10.1.0.1/8', subnet: '10.0.0.1/16' },
      { p: 'range-masked', range: '10.1.0.1/8', masked: '10.0.0.0/8' },
      { p: 'gateway-outside', gateway: '10.9.0.1', subnet: '10.0.0.1/16' },
      { p: 'aux-outside', name: 'a', subnet: '10.0.0.1/16' },
      { p: 'aux-invalid', name: 'b', subnet: '10.0.0.1/16' },
    ]);
  });
  it('a range that does not overlap its subnet', () => {
    expect(validateIpam([{ subnet: '10.0.0.0/16', ipRange: '10.1.0.0/24' }])).toEqual([{ p: 'range-outside', range: '10.1.0.0/24', subnet: '10.0.0.0/16' }]);
  });
});
