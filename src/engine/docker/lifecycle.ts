import type { ContainerId, NetnsId } from '../ids';
import { HOST_NS } from '../ids';
import { findImage, parseImageRef } from '../images';
import { addNetns, closeSockets, delNetns, listen } from '../net/ops';
import { err, ok, type Result } from '../result';
import { Tx } from '../tx';
import type { World } from '../world';
import type { EngineEvent } from '../events';
import { endpointsOf, joinNetwork, leaveNetwork, withEndpoint } from './endpoints';
import { findContainer, findNetwork, networkOfId } from './lookup';
import { linkEnv, resolveLinks } from './links';
import { mainProcess, nginxBindFailure, nginxTime } from './process';
import { releaseGateway, settleGateway } from './gateway';
import type { Container } from './types';

export interface Changed {
  readonly world: World;
  readonly events: readonly EngineEvent[];
  /** For a one-shot command the CLI must run inside the container, then call finishContainer. */
  readonly oneshot?: readonly string[];
}

function put(tx: Tx, c: Container): void {
  tx.updateDocker((d) => ({ ...d, containers: d.containers.set(c.id, c) }));
}

function get(tx: Tx, id: ContainerId): Container {
  const c = tx.world.docker.containers.get(id);
  if (!c) throw new Error(`bug: no container ${id}`);
  return c;
}

export function startContainer(w: World, ref: string): Result<Changed> {
  const found = findContainer(w, ref);
  if (!found) return err('no-such-container', { ref });
  if (found.state === 'running') return ok({ world: w, events: [] });
  const tx = new Tx(w);
  let c = found;

  // Network namespace: the host's, a donor's, or a new sandbox (daemon initializeNetworking).
  let netns: NetnsId;
  let sandboxId = '';
  if (c.networkMode.startsWith('container:')) {
    const donor = w.docker.containers.get(c.networkMode.slice(10) as ContainerId);
    if (!donor) return err('no-such-container', { ref: c.networkMode.slice(10) });
    if (donor.id === c.id) return err('join-own-netns');
    if (donor.state !== 'running' || !donor.netns) return err('join-non-running', { name: donor.name, state: donor.state });
    netns = donor.netns;
    tx.updateNetns(netns, (n) => ({ ...n, holders: n.holders + 1 }));
  } else if (c.networkMode === 'host') {
    netns = HOST_NS;
    sandboxId = tx.rng.hex(64);
  } else {
    const links = resolveLinks(tx.world, c);
    if (!links.ok) return links;
    c = { ...c, links: links.value, linkEnv: linkEnv(tx.world, c, links.value) };
    sandboxId = tx.rng.hex(64);
    netns = `sb-${sandboxId.slice(0, 12)}` as NetnsId;
    addNetns(tx, netns, 'sandbox');
    tx.updateNetns(netns, (n) => ({ ...n, holders: 1 }));
  }
  c = { ...c, netns, sandboxId };

  // A network named at create time that did not exist then is looked up now.
  for (const att of c.networks) {
    if (!att.pendingName) continue;
    const found = findNetwork(tx.world, att.pendingName);
    if (!found.ok) return err(found.code, { ref: att.pendingName, matches: found.matches, by: found.by, setupNetworking: true });
    const { pendingName: _resolved, ...rest } = att;
    c = { ...c, networks: c.networks.map((a) => (a === att ? { ...rest, networkId: found.net.id } : a)) };
  }

  // Endpoints, in attach order (eth0, eth1…); then the gateway endpoint takes the default route
  // and the published ports (gateway.ts). 28.x sets networking up after the task exists
  // (start_linux.go): its errors say so.
  for (const att of c.networks) {
    const ep = joinNetwork(tx, c, att, netns);
    if (!ep.ok) return err(ep.error.code, { ...ep.error.data, setupNetworking: true });
    c = withEndpoint(c, att.networkId, ep.value.id);
  }
  const settled = settleGateway(tx, c);
  if (!settled.ok) return settled;
  c = settled.value;

  const imageRef = parseImageRef(c.image);
  const img = imageRef.ok ? findImage(imageRef.ref) : undefined;
  const clockText = nginxTime(tx.world.clock);
  const main = img ? mainProcess(c, img, clockText) : ({ kind: 'idle' } as const);
  // containerd starts one runc shim per container and the container's PID 1 is the shim's child
  // (what `ps -ef` on a Docker host shows); the shim lives in the host's namespaces.
  const shim = tx.spawn({ ppid: 1, cmd: `/usr/bin/containerd-shim-runc-v2 -namespace moby -id ${c.id} -address /run/containerd/containerd.sock`, user: 'root', netns: HOST_NS });
  // The official images' docker-entrypoint.sh ends with `exec "$@"`: the process is the command.
  const argv = [...c.entrypoint.filter((e) => !e.endsWith('docker-entrypoint.sh')), ...c.cmd];
  const pid = tx.spawn({ ppid: shim, cmd: argv.join(' ') || 'sh', user: 'root', netns, containerId: c.id });
  // FinishedAt keeps the previous run's time, as Docker's State does after a restart.
  c = { ...c, state: 'running', pid, startedAt: tx.world.clock, exitCode: 0 };
  put(tx, c);
  tx.emit({ type: 'container-started', container: c.id, name: c.name });

  if (main.kind === 'service') {
    const ns = tx.netns(netns);
    for (const l of main.listens) {
      const taken = ns.sockets.some((s) => s.proto === l.proto && s.port === l.port);
      if (taken) {
        // The server cannot bind (host network mode, or a shared namespace): it logs and exits.
        const logs = l.service.kind === 'http' && l.service.server === 'nginx'
          ? [...main.logs.slice(0, 9), ...nginxBindFailure(clockText, `0.0.0.0:${l.port}`)]
          : [`bind: Address already in use (port ${l.port})`];
        return ok(finish(tx, c.id, 1, logs));
      }
    }
    for (const l of main.listens) {
      listen(tx, netns, { proto: l.proto, addr: '0.0.0.0', port: l.port, pid, service: l.service });
      // nginx's default.conf listens on [::]:80 as well (the image's ipv6 entrypoint script).
      if (l.service.kind === 'http' && l.service.server === 'nginx') listen(tx, netns, { proto: l.proto, addr: '::', port: l.port, pid, service: l.service });
    }
    put(tx, { ...get(tx, c.id), logs: [...c.logs, ...main.logs], stopsOnSigterm: main.handlesSigterm });
    return ok(tx.commit());
  }
  if (main.kind === 'exit') return ok(finish(tx, c.id, main.code, main.logs));
  if (main.kind === 'oneshot') return ok({ ...tx.commit(), oneshot: main.argv });
  return ok(tx.commit());
}

/** The main process ended on its own: record it, tear the networking down, honour --rm. */
function finish(tx: Tx, id: ContainerId, code: number, logs: readonly string[]): Changed {
  const c = get(tx, id);
  put(tx, { ...c, logs: [...c.logs, ...logs] });
  teardown(tx, id, code);
  if (c.autoRemove) removeRecord(tx, id);
  return tx.commit();
}

/** A one-shot command the CLI ran inside the container has finished with `code`. */
export function finishContainer(w: World, id: ContainerId, code: number, output: readonly string[]): Changed {
  const tx = new Tx(w);
  if (!tx.world.docker.containers.has(id)) return { world: w, events: [] };
  return finish(tx, id, code, output);
}

export function appendLogs(w: World, id: ContainerId, lines: readonly string[]): World {
  const c = w.docker.containers.get(id);
  if (!c || lines.length === 0) return w;
  return { ...w, docker: { ...w.docker, containers: w.docker.containers.set(id, { ...c, logs: [...c.logs, ...lines] }) } };
}

/** Stops the process and releases everything the start made (ports, endpoints, sandbox). */
function teardown(tx: Tx, id: ContainerId, exitCode: number): void {
  let c = get(tx, id);
  const eps = endpointsOf(tx, c);
  if (c.gatewayEndpoint) c = releaseGateway(tx, c, c.gatewayEndpoint);
  if (c.netns) closeSockets(tx, c.netns, c.pid);
  if (c.pid) {
    const shim = tx.world.processes.get(c.pid)?.ppid;
    tx.kill(c.pid);
    if (shim !== undefined && shim > 1) tx.kill(shim);
  }
  for (const ep of eps) {
    leaveNetwork(tx, ep.id);
    c = withEndpoint(c, ep.networkId, undefined);
  }
  // The sandbox lives while a process holds it: a container:-mode joiner keeps it after the donor stops.
  if (c.netns && c.netns !== HOST_NS && tx.world.netns.has(c.netns)) {
    const holders = tx.netns(c.netns).holders - 1;
    if (holders <= 0) delNetns(tx, c.netns);
    else tx.updateNetns(c.netns, (n) => ({ ...n, holders }));
  }
  const { netns: _ns, linkEnv: _env, gatewayEndpoint: _gw, ...rest } = c;
  put(tx, { ...rest, state: 'exited', pid: 0, exitCode, finishedAt: tx.world.clock, ports: [], links: [], sandboxId: '' });
  tx.emit({ type: 'container-stopped', container: c.id, name: c.name });
}

function removeRecord(tx: Tx, id: ContainerId): void {
  const c = get(tx, id);
  tx.updateDocker((d) => ({ ...d, containers: d.containers.delete(id), containerNames: d.containerNames.delete(c.name) }));
  tx.emit({ type: 'container-removed', container: id, name: c.name });
}

/**
 * docker stop: SIGTERM, then SIGKILL after the timeout. Servers exit 0 on SIGTERM; a shell running
 * as PID 1 ignores it and is killed after 10 s (exit 137).
 */
export function stopContainer(w: World, ref: string): Result<Changed & { wasRunning: boolean }> {
  const c = findContainer(w, ref);
  if (!c) return err('no-such-container', { ref });
  if (c.state !== 'running') return ok({ world: w, events: [], wasRunning: false });
  const tx = new Tx(w);
  teardown(tx, c.id, c.stopsOnSigterm ? 0 : 137);
  if (c.autoRemove) removeRecord(tx, c.id);
  return ok({ ...tx.commit(), wasRunning: true });
}

export function killContainer(w: World, ref: string): Result<Changed> {
  const c = findContainer(w, ref);
  if (!c) return err('no-such-container', { ref });
  if (c.state !== 'running') return err('not-running', { id: c.id });
  const tx = new Tx(w);
  teardown(tx, c.id, 137);
  if (c.autoRemove) removeRecord(tx, c.id);
  return ok(tx.commit());
}

export function removeContainer(w: World, ref: string, force: boolean): Result<Changed> {
  const c = findContainer(w, ref);
  if (!c) return err('no-such-container', { ref });
  const tx = new Tx(w);
  if (c.state === 'running') {
    if (!force) return err('remove-running', { name: c.name, ref });
    teardown(tx, c.id, 137);
  }
  removeRecord(tx, c.id);
  return ok(tx.commit());
}

export function restartContainer(w: World, ref: string): Result<Changed> {
  const stopped = stopContainer(w, ref);
  if (!stopped.ok) return stopped;
  const c = findContainer(w, ref);
  if (!c) return ok(stopped.value); // --rm containers are gone after the stop
  const started = startContainer(stopped.value.world, c.id);
  if (!started.ok) return started;
  return ok({ ...started.value, events: [...stopped.value.events, ...started.value.events] });
}
