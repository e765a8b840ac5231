import { formatCidr, networkOf, parseCidr, parseIp, type Prefix } from '../net/ipv4';
import type { IpamConfig } from './types';

/**
 * The daemon's check of a network's IPAM request before anything is allocated: moby v28.5.2
 * api/types/network/ipam.go ValidateIPAM, called by daemon/network.go createNetwork. Every
 * problem of every config is collected (the daemon joins them, see daemonErrors.ts); the order
 * is the function's: subnet, ip-range, gateway, then aux addresses (the daemon ranges over a Go
 * map for those, so their order is random; here sorted by name).
 *
 * Simulator difference: the lab has IPv4 only, so an IPv6 subnet is reported as not parsable
 * instead of being set aside when IPv6 is off.
 */
export type IpamProblem =
  | { readonly p: 'subnet-cidr'; readonly subnet: string }
  | { readonly p: 'subnet-masked'; readonly subnet: string; readonly masked: string }
  | { readonly p: 'range-cidr'; readonly range: string }
  | { readonly p: 'range-bigger'; readonly range: string; readonly subnet: string }
  | { readonly p: 'range-masked'; readonly range: string; readonly masked: string }
  | { readonly p: 'range-outside'; readonly range: string; readonly subnet: string }
  | { readonly p: 'gateway-invalid' | 'gateway-outside'; readonly gateway: string; readonly subnet: string }
  | { readonly p: 'aux-invalid' | 'aux-outside'; readonly name: string; readonly subnet: string };

/** netip.Prefix.String(): the address as written, then the bits. */
const prefixText = (p: Prefix): string => `${[p.addr >>> 24, (p.addr >>> 16) & 255, (p.addr >>> 8) & 255, p.addr & 255].join('.')}/${p.bits}`;

function within(subnet: Prefix, ip: number): boolean {
  return networkOf({ addr: ip, bits: subnet.bits }) === networkOf(subnet);
}

export function validateIpam(configs: readonly IpamConfig[]): IpamProblem[] {
  const out: IpamProblem[] = [];
  for (const cfg of configs) {
    const subnet = parseCidr(cfg.subnet);
    if (!subnet) {
      out.push({ p: 'subnet-cidr', subnet: cfg.subnet });
      continue;
    }
    const sText = prefixText(subnet);
    if (networkOf(subnet) !== subnet.addr) out.push({ p: 'subnet-masked', subnet: sText, masked: formatCidr(subnet) });
    if (cfg.ipRange !== undefined && cfg.ipRange !== '') {
      const r = parseCidr(cfg.ipRange);
      if (!r) out.push({ p: 'range-cidr', range: cfg.ipRange });
      else {
        if (r.bits < subnet.bits) out.push({ p: 'range-bigger', range: cfg.ipRange, subnet: sText });
        if (networkOf(r) !== r.addr) out.push({ p: 'range-masked', range: prefixText(r), masked: formatCidr(r) });
        // netip.Prefix.Overlaps: either contains the other's network address.
        const bits = Math.min(r.bits, subnet.bits);
        if (networkOf({ addr: r.addr, bits }) !== networkOf({ addr: subnet.addr, bits })) out.push({ p: 'range-outside', range: cfg.ipRange, subnet: sText });
      }
    }
    if (cfg.gateway !== undefined && cfg.gateway !== '') {
      const g = parseIp(cfg.gateway);
      if (g === null) out.push({ p: 'gateway-invalid', gateway: cfg.gateway, subnet: sText });
      else if (!within(subnet, g)) out.push({ p: 'gateway-outside', gateway: cfg.gateway, subnet: sText });
    }
    for (const name of Object.keys(cfg.auxAddresses ?? {}).sort()) {
      const a = parseIp(cfg.auxAddresses?.[name] ?? '');
      if (a === null) out.push({ p: 'aux-invalid', name, subnet: sText });
      else if (!within(subnet, a)) out.push({ p: 'aux-outside', name, subnet: sText });
    }
  }
  return out;
}
