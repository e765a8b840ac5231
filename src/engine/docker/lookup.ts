import type { ContainerId, NetworkId } from '../ids';
import type { World } from '../world';
import type { Container, Network } from './types';

/**
 * Name/ID resolution as the daemon does it: exact name, then full ID, then unique ID prefix
 * (daemon/container.go GetContainer; daemon/network.go FindNetwork).
 */
export function findContainer(w: World, ref: string): Container | undefined {
  const d = w.docker;
  const name = ref.startsWith('/') ? ref.slice(1) : ref;
  const byName = d.containerNames.get(name);
  if (byName) return d.containers.get(byName);
  const full = d.containers.get(ref as ContainerId);
  if (full) return full;
  if (!/^[0-9a-f]+$/.test(ref)) return undefined;
  let found: Container | undefined;
  for (const c of d.containers.values()) {
    if (c.id.startsWith(ref)) {
      if (found) return undefined; // ambiguous prefix: Docker reports "No such container" too
      found = c;
    }
  }
  return found;
}

export type NetworkLookup = { ok: true; net: Network } | { ok: false; code: 'network-not-found' | 'network-ambiguous'; matches?: number; by?: 'name' | 'ID prefix' };

export function findNetwork(w: World, ref: string): NetworkLookup {
  const d = w.docker;
  const full = d.networks.get(ref as NetworkId);
  if (full) return { ok: true, net: full };
  const byName = d.networkNames.get(ref);
  if (byName) {
    const net = d.networks.get(byName);
    if (net) return { ok: true, net };
  }
  const prefixed = [...d.networks.values()].filter((n) => n.id.startsWith(ref));
  if (prefixed.length === 1 && prefixed[0]) return { ok: true, net: prefixed[0] };
  if (prefixed.length > 1) return { ok: false, code: 'network-ambiguous', matches: prefixed.length, by: 'ID prefix' };
  return { ok: false, code: 'network-not-found' };
}

export function networkOfId(w: World, id: NetworkId): Network {
  const n = w.docker.networks.get(id);
  if (!n) throw new Error(`bug: no network ${id}`);
  return n;
}

export function containerOfId(w: World, id: ContainerId): Container {
  const c = w.docker.containers.get(id);
  if (!c) throw new Error(`bug: no container ${id}`);
  return c;
}

/** User-defined networks are every network but the three predefined ones. */
export function isPredefined(n: Network): boolean {
  return n.name === 'bridge' || n.name === 'host' || n.name === 'none';
}
