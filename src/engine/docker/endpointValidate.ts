import { contains, parseCidr, parseIp } from '../net/ipv4';
import type { Network } from './types';

/**
 * The daemon's check of one endpoint's settings (`--ip`, `--alias` / `--network-alias`), moby
 * v28.5.2 daemon/container_operations.go validateEndpointSettings with
 * api/types/network/endpoint.go (EndpointIPAMConfig.Validate, IsInRange). Run when a container
 * is created (daemon/create.go validateNetworkingConfig, per network named in the request — a
 * network that does not exist yet is checked by name only) and when one is connected.
 */
export type EndpointProblem =
  | { readonly p: 'ip-user-networks-only' | 'alias-user-networks-only' | 'ip-no-static-subnet' }
  | { readonly p: 'invalid-ipv4' | 'ip-not-in-subnet'; readonly ip: string };

/**
 * containertypes.NetworkMode(name).IsUserDefined(): judged on the name as given, so the
 * predefined networks are `default`, `bridge`, `host`, `none` and `container:…`.
 */
export function isUserDefinedName(name: string): boolean {
  return !['default', 'bridge', 'host', 'none'].includes(name) && !name.startsWith('container:');
}

export interface EndpointRequest {
  readonly ip?: string;
  readonly aliases: readonly string[];
}

export function validateEndpoint(name: string, net: Network | undefined, req: EndpointRequest): EndpointProblem[] {
  const out: EndpointProblem[] = [];
  const ip = req.ip ?? '';
  if (!isUserDefinedName(name)) {
    if (ip) out.push({ p: 'ip-user-networks-only' });
    if (req.aliases.length) out.push({ p: 'alias-user-networks-only' });
  }
  const addr = ip ? parseIp(ip) : null;
  // net.ParseIP + To4 + IsUnspecified: 0.0.0.0 is refused too.
  if (ip && (addr === null || addr === 0)) out.push({ p: 'invalid-ipv4', ip });
  if (net && ip) {
    // validateEndpointIPAddress: only subnets the network was configured with count
    // (IpamConf.IsStatic), not one the daemon took from its default pools.
    const statics = net.ipam.filter((c) => !c.auto);
    if (statics.length === 0) out.push({ p: 'ip-no-static-subnet' });
    else if (!statics.some((c) => {
      const p = parseCidr(c.subnet);
      return p !== null && addr !== null && contains(p, addr);
    })) out.push({ p: 'ip-not-in-subnet', ip });
  }
  return out;
}
