import type { Map as IMap } from 'immutable';
import { Map as IMapCtor } from 'immutable';
import { broadcastOf, contains, formatCidr, formatIp, networkOf, overlaps, parseCidr, parseIp, type Prefix } from '../net/ipv4';
import type { Network } from './types';

/**
 * libnetwork's default IPAM (Engine 27+ "defaultipam"): predefined pools, lowest free first,
 * skipping pools that overlap the host's on-link routes and nameservers; addresses first free
 * from the bottom of the range, network and broadcast reserved (reference §1.2–1.3).
 */

/** ipamutils.localScopeDefaultNetworks, expanded: 15 × /16 then 16 × /20. */
export const DEFAULT_POOLS: readonly string[] = (() => {
  const out: string[] = [];
  for (let b = 17; b <= 31; b++) out.push(`172.${b}.0.0/16`);
  for (let c = 0; c < 256; c += 16) out.push(`192.168.${c}.0/20`);
  return out;
})();

/** First predefined pool that overlaps none of `taken` (subnets in use and host-reserved networks). */
export function allocatePool(taken: readonly string[]): string | null {
  const takenP = taken.map(parseCidr).filter((p): p is Prefix => p !== null);
  for (const pool of DEFAULT_POOLS) {
    const p = parseCidr(pool);
    if (p && !takenP.some((t) => overlaps(t, p))) return pool;
  }
  return null;
}

export function emptyAllocation(): IMap<number, string> {
  return IMapCtor<number, string>();
}

interface Range {
  readonly lo: number;
  readonly hi: number;
}

/** Addresses the allocator may hand out: the ip-range if any, minus the subnet's network and broadcast. */
function rangeOf(subnet: Prefix, ipRange: string | undefined): Range {
  const r = ipRange ? parseCidr(ipRange) : null;
  const base = r ?? subnet;
  let lo = networkOf(base);
  let hi = broadcastOf(base);
  if (lo === networkOf(subnet)) lo += 1;
  if (hi === broadcastOf(subnet)) hi -= 1;
  return { lo, hi };
}

/** First free address of the network's (first) IPv4 pool, scanning up from the hint. */
export function allocateAddress(net: Network): { ip: string; net: Network } | null {
  const cfg = net.ipam[0];
  const subnet = cfg ? parseCidr(cfg.subnet) : null;
  if (!cfg || !subnet) return null;
  const { lo, hi } = rangeOf(subnet, cfg.ipRange);
  for (let a = Math.max(lo, net.freeHint); a <= hi; a++) {
    if (!net.allocated.has(a)) return { ip: formatIp(a), net: { ...net, freeHint: a + 1 } };
  }
  // The hint only moves up past taken addresses, so nothing below it is free.
  return null;
}

export function reserve(net: Network, ip: string, owner: string): Network {
  const a = parseIp(ip);
  if (a === null) return net;
  return { ...net, allocated: net.allocated.set(a, owner) };
}

export function release(net: Network, ip: string): Network {
  const a = parseIp(ip);
  if (a === null || !net.allocated.has(a)) return net;
  return { ...net, allocated: net.allocated.delete(a), freeHint: Math.min(net.freeHint, a) };
}

export function isAllocated(net: Network, ip: string): boolean {
  const a = parseIp(ip);
  return a !== null && net.allocated.has(a);
}

export function subnetContains(net: Network, ip: string): boolean {
  const a = parseIp(ip);
  return a !== null && net.ipam.some((c) => {
    const p = parseCidr(c.subnet);
    return p !== null && contains(p, a);
  });
}

export function canonicalCidr(s: string): string | null {
  const p = parseCidr(s);
  return p ? formatCidr(p) : null;
}
