import type { IpamConfig } from '../../engine/docker/types';
import { contains, parseCidr, parseIp } from '../../engine/net/ipv4';

/**
 * docker/cli's createIPAMConfig (cli/command/network/create.go, v28.5): pairs every --ip-range,
 * --gateway and --aux-address with the --subnet that contains it, refusing what the CLI refuses
 * before the daemon is asked.
 */
type Out = { ok: true; value: IpamConfig[] } | { ok: false; error: string };

function subnetMatches(subnet: string, data: string): { ok: true; value: boolean } | { ok: false; error: string } {
  const s = parseCidr(subnet);
  if (!s) return { ok: false, error: `invalid subnet: invalid CIDR address: ${subnet}` };
  let ip: number | null;
  if (data.includes('/')) {
    const d = parseCidr(data);
    if (!d) return { ok: false, error: `invalid CIDR address: ${data}` };
    ip = d.addr;
  } else ip = parseIp(data);
  return { ok: true, value: ip !== null && contains(s, ip) };
}

export function consolidateIpam(subnets: readonly string[], ipRanges: readonly string[], gateways: readonly string[], aux: Readonly<Record<string, string>>): Out {
  if (subnets.length < ipRanges.length || subnets.length < gateways.length) {
    return { ok: false, error: 'every ip-range or gateway must have a corresponding subnet' };
  }
  const data = new Map<string, { subnet: string; ipRange?: string; gateway?: string; aux: Record<string, string> }>();
  for (const s of subnets) {
    for (const k of data.keys()) {
      const a = subnetMatches(s, k);
      if (!a.ok) return a;
      const b = subnetMatches(k, s);
      if (!b.ok) return b;
      if (a.value || b.value) return { ok: false, error: 'multiple overlapping subnet configuration is not supported' };
    }
    // A subnet is only parsed here when compared with another: the daemon checks a lone one.
    data.set(s, { subnet: s, aux: {} });
  }
  for (const r of ipRanges) {
    let match = false;
    for (const s of subnets) {
      if (!parseCidr(r)) return { ok: false, error: `invalid CIDR address: ${r}` };
      const m = subnetMatches(s, r);
      if (!m.ok) return m;
      if (!m.value) continue;
      const d = data.get(s);
      if (!d) continue;
      if (d.ipRange) return { ok: false, error: `cannot configure multiple ranges (${r}, ${d.ipRange}) on the same subnet (${s})` };
      d.ipRange = r;
      match = true;
    }
    if (!match) return { ok: false, error: `no matching subnet for range ${r}` };
  }
  for (const g of gateways) {
    let match = false;
    for (const s of subnets) {
      const m = subnetMatches(s, g);
      if (!m.ok) return m;
      if (!m.value) continue;
      const d = data.get(s);
      if (!d) continue;
      if (d.gateway) return { ok: false, error: `cannot configure multiple gateways (${g}, ${d.gateway}) for the same subnet (${s})` };
      d.gateway = g;
      match = true;
    }
    if (!match) return { ok: false, error: `no matching subnet for gateway ${g}` };
  }
  for (const [key, a] of Object.entries(aux)) {
    let match = false;
    for (const s of subnets) {
      const m = subnetMatches(s, a);
      if (!m.ok) return m;
      if (!m.value) continue;
      const d = data.get(s);
      if (d) d.aux[key] = a;
      match = true;
    }
    if (!match) return { ok: false, error: `no matching subnet for aux-address ${a}` };
  }
  return {
    ok: true,
    value: [...data.values()].map((d) => ({
      subnet: d.subnet,
      ...(d.ipRange ? { ipRange: d.ipRange } : {}),
      ...(d.gateway ? { gateway: d.gateway } : {}),
      ...(Object.keys(d.aux).length ? { auxAddresses: d.aux } : {}),
    })),
  };
}
