import type { EngineEvent } from '../../engine/events';
import type { NetnsId } from '../../engine/ids';
import { resolveName, sendPacket, type Hop, type PacketInput, type PacketResult, type Resolution } from '../../engine/packet';
import type { World } from '../../engine/world';

/**
 * What the network tools share: resolve a name the way the process's libc would, send packets
 * through the engine's walk (carrying the counters forward), and report the hops as an event for
 * the graph's animation and `trace`.
 */
export interface Probe {
  world: World;
  readonly hops: Hop[];
  readonly events: EngineEvent[];
}

export function startProbe(world: World): Probe {
  return { world, hops: [], events: [] };
}

export function resolve(p: Probe, ns: NetnsId, name: string, hostsFile = true): Resolution {
  const r = resolveName(p.world, ns, name, { hostsFile });
  p.world = r.world;
  p.hops.push(...r.hops);
  // A lookup that asked a nameserver is traffic too: `trace` shows it, the graph animates it.
  if (r.hops.length) p.events.push({ type: 'packet', hops: r.hops, delivered: r.addresses.length > 0 });
  return r;
}

export function send(p: Probe, ns: NetnsId, input: PacketInput): PacketResult {
  const r = sendPacket(p.world, ns, input);
  p.world = r.world;
  p.hops.push(...r.hops);
  p.events.push({ type: 'packet', hops: r.hops, delivered: r.delivered });
  return r;
}

/** Routers the answer crossed: every forwarding decision after the first one on the way back. */
export function replyTtl(hops: readonly Hop[], initial = 64): number {
  const i = hops.findIndex((h) => h.kind === 'reply');
  if (i < 0) return initial;
  const forwards = hops.slice(i).filter((h) => h.kind === 'route' && !h.route.startsWith('local')).length - 1;
  return initial - Math.max(0, forwards);
}

/** How far the packet went, for plausible timings: 0 same namespace, 1 same host, 2 the LAN, 3 the internet. */
export function distance(world: World, hops: readonly Hop[]): number {
  const spaces = new Set<string>();
  for (const h of hops) if ('netns' in h) spaces.add(h.netns);
  let d = spaces.size > 1 ? 1 : 0;
  for (const ns of spaces) {
    const kind = world.netns.get(ns as NetnsId)?.kind;
    if (kind === 'internet') return 3;
    if (kind === 'lan') d = 2;
  }
  return d;
}
