import { HOST_NS, type ContainerId, type NetworkId } from '../ids';
import * as fw from '../netfilter/docker';
import { BUILTIN_CHAINS, TABLE_NAMES, emptyNetfilter, putChain, updateChain } from '../netfilter/tables';
import type { Netfilter } from '../netfilter/types';
import { err, ok, type Result } from '../result';
import { Tx } from '../tx';
import type { World } from '../world';
import type { EngineEvent } from '../events';
import { createdNow, newNetworkId } from './daemon';
import { OPT_ICC, OPT_MASQ, programBridgeNetwork } from './drivers/bridge';
import { fwDaemon } from './firewall';
import { stopContainer } from './lifecycle';
import type { DaemonConfig, Network } from './types';

/**
 * `systemctl restart docker`: dockerd stops every running container (no live-restore), reads
 * /etc/docker/daemon.json, and starts again the way moby v28.5.2 does:
 * - iptabler.go NewIptabler: removeIPChains then setupIPChains — Docker's chains and jumps are
 *   made afresh; what the kernel keeps is the built-in chains' policies and counters (so a FORWARD
 *   policy Docker once set to DROP stays DROP, and one the user set back to ACCEPT stays ACCEPT);
 * - the bridge driver restores the user-defined networks from its store (boltdb lists them by
 *   key, i.e. by network ID) and programs each again, ip_forward step included;
 * - daemon_unix.go initNetworkController "Clear stale bridge network": the default `bridge`
 *   network is deleted and created anew — a new network ID, and docker0's rules now come after
 *   the user networks' (the docker0 device itself stays).
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
    ipForward: flag('ip-forward', true),
    ipForwardNoDrop: flag('ip-forward-no-drop', false),
  });
}

/**
 * Docker's rules gone; what is not Docker's kept: the built-in chains' policies and counters,
 * the rules a student added by hand to built-in chains (in their order), and every chain that
 * is not one of Docker's own — DOCKER-USER above all, with its rules. moby v28.5.2
 * libnetwork/firewall_linux.go setupUserChain: "The daemon does not delete or modify any
 * pre-existing rules from the DOCKER-USER filter chain"; it only creates the chain if missing
 * and re-inserts the FORWARD → DOCKER-USER jump on top (fw.setupDaemon). removeIPChains only
 * flushes and deletes DOCKER, DOCKER-FORWARD, DOCKER-BRIDGE, DOCKER-CT and the isolation
 * chains, so rules added by hand inside those are lost, as on a real host.
 */
function keepBuiltins(prev: Netfilter): Netfilter {
  let nf = emptyNetfilter();
  for (const t of TABLE_NAMES) {
    for (const name of BUILTIN_CHAINS[t]) {
      const old = prev.tables[t].chains[name];
      if (old) nf = updateChain(nf, t, name, (c) => ({ ...c, policy: old.policy, pkts: old.pkts, bytes: old.bytes, rules: old.rules.filter((r) => r.byUser) }));
    }
    const docker: readonly string[] = t === 'nat' || t === 'filter' ? fw.DOCKER_CHAINS[t] : [];
    for (const [name, c] of Object.entries(prev.tables[t].chains)) {
      if (c.policy === null && !docker.includes(name)) nf = putChain(nf, t, c);
    }
  }
  return nf;
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
  // A new dockerd process.
  const oldPid = tx.world.docker.dockerdPid;
  const cmd = tx.world.processes.get(oldPid)?.cmd ?? '/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock';
  tx.kill(oldPid);
  const pid = tx.spawn({ ppid: 1, cmd, user: 'root', netns: HOST_NS });
  tx.updateDocker((d) => ({ ...d, dockerdPid: pid }));

  tx.updateNetns(HOST_NS, (n) => ({ ...n, nf: fw.setupDaemon(keepBuiltins(n.nf), fwDaemon(tx.world)) }));
  const users = [...tx.world.docker.networks.values()].filter((n) => n.driver === 'bridge' && n.name !== 'bridge').sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const n of users) programBridgeNetwork(tx, n);
  const old = tx.world.docker.networks.find((n) => n.name === 'bridge');
  if (old) recreateDefaultBridge(tx, old, cfg.value);
  tx.emit({ type: 'daemon-restarted' });
  const done = tx.commit();
  return ok({ world: done.world, events: [...events, ...done.events] });
}

/** The default bridge comes back with a new ID, daemon.json's icc / ip-masq in its options. */
function recreateDefaultBridge(tx: Tx, old: Network, cfg: DaemonConfig): void {
  const id: NetworkId = newNetworkId(tx);
  const bridge: Network = {
    ...old,
    id,
    created: createdNow(tx),
    options: { ...old.options, [OPT_ICC]: String(cfg.icc), [OPT_MASQ]: String(cfg.ipMasq) },
    endpoints: [],
  };
  tx.updateDocker((d) => {
    // Stopped containers keep their attachment to "bridge" by name; point it at the new network.
    let containers = d.containers;
    for (const c of d.containers.values()) {
      if (!c.networks.some((a) => a.networkId === old.id)) continue;
      const networks = c.networks.map((a) => (a.networkId === old.id ? { ...a, networkId: id } : a));
      containers = containers.set(c.id as ContainerId, { ...c, networks });
    }
    return { ...d, containers, networks: d.networks.delete(old.id).set(id, bridge), networkNames: d.networkNames.set('bridge', id) };
  });
  programBridgeNetwork(tx, bridge);
}
