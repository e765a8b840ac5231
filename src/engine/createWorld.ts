import { Map as IMap } from 'immutable';
import { HOST_NS, LAPTOP_NS, ROUTER_NS, type NetnsId } from './ids';
import { DEFAULT_DAEMON_CONFIG, emptyDocker, startDaemon } from './docker/daemon';
import { addAddr, addLink, addNetns, addRoute, ifaceByName, listen } from './net/ops';
import { seedRng } from './rng';
import { Tx } from './tx';
import type { HostInfo, World } from './world';
import type { DockerState } from './world';
import type { Netfilter } from './netfilter/types';
import { appendRule } from './netfilter/tables';

/**
 * The lab's machine room: one Debian host running Docker on a home LAN (router, laptop) with a
 * few hosts on the internet behind the router. These values are the lab's design; they are the
 * same in every session.
 */
export const HOST: HostInfo = {
  hostname: 'docker-host',
  lanIp: '192.168.1.10',
  lanPrefix: 24,
  routerIp: '192.168.1.1',
  laptopIp: '192.168.1.20',
  dnsServer: '192.168.1.1',
  publicIp: '203.0.113.45',
  internet: {
    'google.com': '142.250.190.78',
    'example.com': '93.184.215.14',
    'github.com': '140.82.112.3',
    'registry-1.docker.io': '54.236.113.205',
    'dns.google': '8.8.8.8',
  },
};

/** 2026-11-27T09:00:00Z: the lab's clock starts on a fixed morning so sessions replay identically. */
export const EPOCH_MS = Date.UTC(2026, 10, 27, 9, 0, 0);

export function createWorld(seed = 1): World {
  const tx = new Tx({
    version: 1,
    seed,
    rng: seedRng(seed),
    clock: EPOCH_MS,
    seq: 0,
    nextPid: 1,
    host: HOST,
    netns: IMap(),
    ifaces: IMap(),
    processes: IMap(),
    docker: emptyDocker(DEFAULT_DAEMON_CONFIG) as unknown as DockerState,
  });
  buildLan(tx);
  buildInternet(tx);
  bootHost(tx);
  startDaemon(tx);
  const { world } = tx.commit();
  // Creation events describe the initial picture, not something the student did.
  return world;
}

function machine(tx: Tx, id: NetnsId, kind: 'host' | 'lan' | 'internet', nic: string, mac: string, segment: string, ip: string, prefix: number, gw?: string): void {
  addNetns(tx, id, kind);
  const dev = addLink(tx, id, { name: nic, kind: 'ether', mac, mtu: 1500, qdisc: 'fq_codel', segment });
  tx.updateIface(dev, (i) => ({ ...i, ipv6: true }));
  tx.updateIface(ifaceByName(tx, id, 'lo'), (i) => ({ ...i, ipv6: true }));
  addAddr(tx, dev, { ip, prefix, scope: 'global' });
  if (gw) addRoute(tx, id, { dst: 'default', via: gw, dev, proto: 'dhcp', scope: 'global', metric: 100 });
}

function buildLan(tx: Tx): void {
  const h = tx.world.host;
  machine(tx, HOST_NS, 'host', 'eth0', '52:54:00:6b:3c:1e', 'lan', h.lanIp, h.lanPrefix, h.routerIp);
  machine(tx, ROUTER_NS, 'lan', 'eth0', '52:54:00:00:00:01', 'lan', h.routerIp, h.lanPrefix);
  // The router's uplink: the whole internet is modelled as one segment behind it.
  const wan = addLink(tx, ROUTER_NS, { name: 'eth1', kind: 'ether', mac: '52:54:00:00:00:02', mtu: 1500, qdisc: 'fq_codel', segment: 'wan' });
  addAddr(tx, wan, { ip: h.publicIp, prefix: 32, scope: 'global' });
  addRoute(tx, ROUTER_NS, { dst: 'default', dev: wan, proto: 'static', scope: 'link' });
  tx.updateNetns(ROUTER_NS, (n) => ({ ...n, nf: routerNat(n.nf) }));
  listen(tx, ROUTER_NS, { proto: 'udp', addr: '0.0.0.0', port: 53, pid: 0, service: { kind: 'dns' } });
  machine(tx, LAPTOP_NS, 'lan', 'wlan0', '3c:22:fb:91:4e:07', 'lan', h.laptopIp, h.lanPrefix, h.routerIp);
}

/** The home router hides the LAN behind its public address. */
function routerNat(nf: Netfilter): Netfilter {
  return appendRule(nf, 'nat', 'POSTROUTING', { out: 'eth1', matches: [], target: { t: 'MASQUERADE' } }).nf;
}

function buildInternet(tx: Tx): void {
  let k = 0;
  for (const [name, ip] of Object.entries(tx.world.host.internet)) {
    k++;
    const id = name as NetnsId;
    addNetns(tx, id, 'internet');
    const mac = `02:00:00:00:00:${k.toString(16).padStart(2, '0')}`;
    const dev = addLink(tx, id, { name: 'eth0', kind: 'ether', mac, mtu: 1500, segment: 'wan' });
    addAddr(tx, dev, { ip, prefix: 32, scope: 'global' });
    addRoute(tx, id, { dst: 'default', dev, proto: 'static', scope: 'link' });
    if (name !== 'dns.google') {
      // Web sites answer on 80 and 443 (the lab does not simulate TLS; curl https:// gets the page).
      for (const port of [80, 443]) listen(tx, id, { proto: 'tcp', addr: '0.0.0.0', port, pid: 0, service: { kind: 'http', server: 'nginx' } });
    }
    else listen(tx, id, { proto: 'udp', addr: '0.0.0.0', port: 53, pid: 0, service: { kind: 'dns' } });
  }
}

/** The host's own processes before Docker starts containers. */
function bootHost(tx: Tx): void {
  const p = (cmd: string, ppid = 1) => tx.spawn({ ppid, cmd, user: 'root', netns: HOST_NS });
  p('/sbin/init', 0);
  p('/lib/systemd/systemd-journald');
  p('/lib/systemd/systemd-udevd');
  const sshd = p('sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups');
  listen(tx, HOST_NS, { proto: 'tcp', addr: '0.0.0.0', port: 22, pid: sshd, service: { kind: 'sshd' } });
  listen(tx, HOST_NS, { proto: 'tcp', addr: '::', port: 22, pid: sshd, service: { kind: 'sshd' } });
  p('/usr/bin/containerd');
  const dockerd = p('/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock');
  tx.updateDocker((d) => ({ ...d, dockerdPid: dockerd }));
}
