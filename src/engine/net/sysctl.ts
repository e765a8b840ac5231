import type { NetnsId } from '../ids';
import { err, ok, type Result } from '../result';
import type { World } from '../world';

/**
 * The few kernel parameters (/proc/sys) the lab models, per network namespace. Only
 * net.ipv4.ip_forward can be changed: it decides whether the namespace routes packets that are
 * not its own (walk.ts routeDecision) and whether dockerd's bridge driver has to switch it on
 * — and set the FORWARD policy to DROP — when it next creates a network (drivers/bridge.ts).
 * `net.ipv4.conf.all.forwarding` is the same switch under its per-device name (devinet.c
 * devinet_sysctl_forward writes both).
 */
export const SYSCTL_KEYS: readonly string[] = [
  'net.bridge.bridge-nf-call-iptables',
  'net.ipv4.conf.all.forwarding',
  'net.ipv4.ip_forward',
  'net.ipv4.ip_local_port_range',
];

const FORWARDING = new Set(['net.ipv4.ip_forward', 'net.ipv4.conf.all.forwarding']);

/** `net/ipv4/ip_forward` and `/proc/sys/net/ipv4/ip_forward` name the same key. */
export function sysctlKey(name: string): string {
  return name.replace(/^\/proc\/sys\//, '').replace(/\//g, '.');
}

/** The value as `cat /proc/sys/…` prints it, without the newline; null for an unknown key. */
export function readSysctl(w: World, netns: NetnsId, name: string): string | null {
  const key = sysctlKey(name);
  const ns = w.netns.get(netns);
  if (!ns) return null;
  if (FORWARDING.has(key)) return ns.forwarding ? '1' : '0';
  // Docker loads br_netfilter and turns bridged IPv4 traffic over to iptables.
  if (key === 'net.bridge.bridge-nf-call-iptables') return '1';
  // procps prints the tab the kernel puts between the two numbers.
  if (key === 'net.ipv4.ip_local_port_range') return '32768\t60999';
  return null;
}

/** Writes a key; the value is what follows `=` (surrounding blanks ignored, as the kernel's parser does). */
export function writeSysctl(w: World, netns: NetnsId, name: string, value: string): Result<World> {
  const key = sysctlKey(name);
  const ns = w.netns.get(netns);
  if (!ns || readSysctl(w, netns, key) === null) return err('sysctl-unknown', { key });
  if (!FORWARDING.has(key)) return err('sysctl-read-only', { key });
  const v = value.trim();
  if (!/^-?[0-9]+$/.test(v)) return err('sysctl-invalid', { key });
  // devinet_sysctl_forward: any non-zero integer switches forwarding on.
  const forwarding = Number(v) !== 0;
  return ok({ ...w, netns: w.netns.set(netns, { ...ns, forwarding }) });
}
