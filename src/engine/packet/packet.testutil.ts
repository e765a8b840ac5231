/**
 * Test helpers for the packet walk: a World with containers started through the real docker
 * operations, and counter lookups by `-S` rule text.
 */
import type { ContainerId, NetnsId } from '../ids';
import { createContainer, pullImage, type CreateSpec } from '../docker/create';
import { startContainer } from '../docker/lifecycle';
import { findContainer } from '../docker/lookup';
import { createNetwork } from '../docker/networks';
import { saveRuleText } from '../netfilter/ruleText';
import type { TableName } from '../netfilter/types';
import type { World } from '../world';
import type { PortBindingRequest } from '../docker/types';

function must<T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!r.ok) throw new Error(`operation failed: ${r.error.code}`);
  return r.value;
}

export interface RunOpts {
  readonly name?: string;
  readonly network?: string;
  readonly publish?: readonly PortBindingRequest[];
  readonly links?: readonly string[];
  readonly aliases?: readonly string[];
  readonly cmd?: readonly string[];
}

/** `docker run -d [-it] IMAGE`: pulls, creates and starts; shells get an open stdin so they stay up. */
export function run(w0: World, image: string, o: RunOpts = {}): { world: World; id: ContainerId; netns: NetnsId } {
  let w = must(pullImage(w0, image)).world;
  const spec: CreateSpec = {
    image,
    cmd: o.cmd ?? [],
    env: [],
    network: o.network ?? '',
    aliases: o.aliases ?? [],
    links: o.links ?? [],
    publish: o.publish ?? [],
    publishAll: false,
    expose: [],
    autoRemove: false,
    tty: true,
    openStdin: true,
    ...(o.name ? { name: o.name } : {}),
  };
  const created = must(createContainer(w, spec));
  w = must(startContainer(created.world, created.id)).world;
  const c = findContainer(w, created.id);
  if (!c?.netns || c.state !== 'running') throw new Error(`container ${image} did not start`);
  return { world: w, id: created.id, netns: c.netns };
}

export function network(w: World, name: string, options: Record<string, string> = {}): World {
  return must(createNetwork(w, { name, driver: 'bridge', ipam: [], internal: false, attachable: false, options, labels: {} })).world;
}

export function ipOf(w: World, netns: NetnsId, ifname = 'eth0'): string {
  const id = w.netns.get(netns)?.byName.get(ifname);
  const ip = id ? w.ifaces.get(id)?.addrs[0]?.ip : undefined;
  if (!ip) throw new Error(`no address on ${ifname} in ${netns}`);
  return ip;
}

/** Counters of the rule whose `-S` text is `text` (in the host namespace by default). */
export function counters(w: World, table: TableName, text: string, netns = 'host' as NetnsId): { pkts: number; bytes: number } {
  const nf = w.netns.get(netns)?.nf;
  for (const chain of Object.values(nf?.tables[table].chains ?? {})) {
    for (const r of chain.rules) if (saveRuleText(chain.name, r.spec) === text) return { pkts: r.pkts, bytes: r.bytes };
  }
  throw new Error(`no rule "${text}" in ${table}`);
}

export const tcp80: PortBindingRequest = { containerPort: 80, proto: 'tcp', hostIp: '', hostPort: '8080' };
