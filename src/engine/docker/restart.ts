import { HOST_NS } from '../ids';
import * as fw from '../netfilter/docker';
import { emptyNetfilter } from '../netfilter/tables';
import { err, ok, type Result } from '../result';
import { Tx } from '../tx';
import type { World } from '../world';
import type { EngineEvent } from '../events';
import { fwNetwork } from './drivers/bridge';
import { fwDaemon } from './firewall';
import { stopContainer } from './lifecycle';
import type { DaemonConfig } from './types';

/**
 * `systemctl restart docker`: dockerd stops every running container (no live-restore), reads
 * /etc/docker/daemon.json, and programs its iptables chains afresh for the networks it keeps.
 */
export function parseDaemonJson(text: string, base: DaemonConfig): Result<DaemonConfig> {
  if (text.trim() === '') return ok(base);
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return err('daemon-json-invalid', { detail: e instanceof Error ? e.message : String(e) });
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return err('daemon-json-invalid', { detail: 'not an object' });
  const o = v as Record<string, unknown>;
  const flag = (k: string, d: boolean): boolean => (typeof o[k] === 'boolean' ? (o[k] as boolean) : d);
  return ok({
    ...base,
    userlandProxy: flag('userland-proxy', true),
    icc: flag('icc', true),
    ipMasq: flag('ip-masq', true),
    iptables: flag('iptables', true),
  });
}

export function restartDaemon(w: World): Result<{ world: World; events: EngineEvent[] }> {
  const cfg = parseDaemonJson(w.docker.daemonJson, w.docker.config);
  if (!cfg.ok) return cfg;
  let world = w;
  const events: EngineEvent[] = [];
  for (const c of [...w.docker.containers.values()]) {
    if (c.state !== 'running') continue;
    const s = stopContainer(world, c.id);
    if (s.ok) {
      world = s.value.world;
      events.push(...s.value.events);
    }
  }
  const tx = new Tx({ ...world, docker: { ...world.docker, config: cfg.value } });
  // The FORWARD policy survives in the kernel; Docker's chains are rebuilt from its state.
  const prev = tx.netns(HOST_NS).nf;
  const forwardPolicy = prev.tables.filter.chains['FORWARD']?.policy;
  let nf = fw.setupDaemon(emptyNetfilter(), { ...fwDaemon(tx.world), forwardPolicyDrop: forwardPolicy === 'DROP' });
  const bridge = tx.world.docker.networks.find((n) => n.name === 'bridge');
  // daemon.json's icc / ip-masq apply to the default bridge's options.
  if (bridge) {
    const opts = { ...bridge.options, 'com.docker.network.bridge.enable_icc': String(cfg.value.icc), 'com.docker.network.bridge.enable_ip_masquerade': String(cfg.value.ipMasq) };
    tx.updateDocker((d) => ({ ...d, networks: d.networks.set(bridge.id, { ...bridge, options: opts }) }));
  }
  const nets = [...tx.world.docker.networks.values()].filter((n) => n.driver === 'bridge').sort((a, b) => (a.name === 'bridge' ? -1 : b.name === 'bridge' ? 1 : a.created.localeCompare(b.created)));
  for (const n of nets) nf = fw.addNetwork(nf, fwNetwork(n), fwDaemon(tx.world));
  tx.updateNetns(HOST_NS, (n) => ({ ...n, nf }));
  tx.emit({ type: 'daemon-restarted' });
  const done = tx.commit();
  return ok({ world: done.world, events: [...events, ...done.events] });
}
