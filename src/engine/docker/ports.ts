import type { ContainerId } from '../ids';
import { HOST_NS } from '../ids';
import { closeSockets, listen } from '../net/ops';
import * as fw from '../netfilter/docker';
import { err, ok, type Result } from '../result';
import type { Tx } from '../tx';
import { fwNetwork } from './drivers/bridge';
import { fwDaemon, setHostNf } from './firewall';
import type { Container, Endpoint, Network, PortBinding, PortBindingRequest } from './types';

/**
 * Publishing ports at container start (libnetwork portmapper + portallocator, Engine 28):
 * each binding without a host IP binds 0.0.0.0 and, proxied to the IPv4 container, '::';
 * host ports come from the ephemeral range 32768–60999 round-robin; a docker-proxy per binding
 * while the userland proxy is on; DNAT and filter rules per IPv4 binding.
 */
export const EPHEMERAL_LO = 32768;
export const EPHEMERAL_HI = 60999;

const key = (proto: string, port: number) => `${proto}/${port}`;
const isWild = (ip: string) => ip === '0.0.0.0' || ip === '::';

/** All requests, including -P's: every exposed port without an explicit binding gets a random one. */
export function bindingRequests(c: Container): PortBindingRequest[] {
  const out = [...c.portBindings];
  if (c.publishAll) {
    for (const e of c.exposed) {
      if (!out.some((b) => b.containerPort === e.port && b.proto === e.proto)) {
        out.push({ containerPort: e.port, proto: e.proto, hostIp: '', hostPort: '' });
      }
    }
  }
  return out;
}

/** A wildcard bind conflicts with every address of its family, and a specific one with itself. */
function inUse(tx: Tx, proto: string, ip: string, port: number): boolean {
  const bound = tx.world.docker.portsInUse.get(key(proto, port)) ?? [];
  const v6 = ip.includes(':');
  return bound.some((b) => b.ip.includes(':') === v6 && (b.ip === ip || isWild(b.ip) || isWild(ip)));
}

/** A non-Docker process (sshd, a host-mode server) already listening there. */
function hostSocketTaken(tx: Tx, proto: string, ip: string, port: number): boolean {
  return tx.netns(HOST_NS).sockets.some(
    (s) => s.proto === proto && s.port === port && s.service.kind !== 'docker-proxy' && s.addr.includes(':') === ip.includes(':') && (s.addr === ip || isWild(s.addr) || isWild(ip)),
  );
}

/**
 * bind(2) on an IPv4 address the host does not have fails with EADDRNOTAVAIL (the daemon binds the
 * host port itself in 28.x, bridge port_mapping_linux.go bindTCPOrUDP). 127/8 is all local.
 */
function hostLacksAddress(tx: Tx, ip: string): boolean {
  if (ip.includes(':') || isWild(ip) || ip.startsWith('127.')) return false;
  return !tx.netns(HOST_NS).ifaces.some((id) => tx.world.ifaces.get(id)?.addrs.some((a) => a.ip === ip));
}

function pickPort(tx: Tx, proto: string, ips: readonly string[], lo: number, hi: number, roundRobin: boolean): number | null {
  const span = hi - lo + 1;
  const start = roundRobin ? tx.world.docker.portCursor : lo - 1;
  for (let i = 1; i <= span; i++) {
    const p = roundRobin ? ((start - lo + i + span) % span) + lo : lo + i - 1;
    if (ips.every((ip) => !inUse(tx, proto, ip, p) && !hostSocketTaken(tx, proto, ip, p))) {
      if (roundRobin) tx.updateDocker((d) => ({ ...d, portCursor: p }));
      return p;
    }
  }
  return null;
}

export function publishPorts(tx: Tx, c: Container, ep: Endpoint, net: Network): Result<PortBinding[]> {
  const made: PortBinding[] = [];
  const proxy = tx.world.docker.config.userlandProxy;
  const defaultIp = net.options['com.docker.network.bridge.host_binding_ipv4'] ?? '0.0.0.0';
  for (const r of bindingRequests(c)) {
    const ips = r.hostIp ? [r.hostIp] : defaultIp === '0.0.0.0' ? ['0.0.0.0', '::'] : [defaultIp];
    let port: number | null;
    if (r.hostPort === '') {
      if (tx.world.docker.portCursor === 0) tx.updateDocker((d) => ({ ...d, portCursor: EPHEMERAL_HI }));
      port = pickPort(tx, r.proto, ips, EPHEMERAL_LO, EPHEMERAL_HI, true);
    } else if (r.hostPort.includes('-')) {
      const [a, b] = r.hostPort.split('-').map(Number);
      port = pickPort(tx, r.proto, ips, a ?? 0, b ?? 0, false);
    } else {
      port = Number(r.hostPort);
      for (const ip of ips) {
        if (inUse(tx, r.proto, ip, port)) {
          return err('port-allocated', { name: c.name, endpoint: ep.id, ip, port });
        }
        if (hostSocketTaken(tx, r.proto, ip, port)) {
          return err('port-bind-in-use', { name: c.name, endpoint: ep.id, ip, port, containerIp: ep.ip, containerPort: r.containerPort, proto: r.proto });
        }
        if (hostLacksAddress(tx, ip)) {
          return err('port-bind-no-addr', { name: c.name, endpoint: ep.id, ip, port, containerIp: ep.ip, containerPort: r.containerPort, proto: r.proto });
        }
      }
    }
    if (port === null) return err('port-allocated', { name: c.name, endpoint: ep.id, ip: ips[0] ?? '0.0.0.0', port: r.hostPort });
    for (const ip of ips) {
      let proxyPid: number | undefined;
      if (proxy) {
        proxyPid = tx.spawn({
          ppid: dockerdPid(tx),
          cmd: `/usr/bin/docker-proxy -proto ${r.proto} -host-ip ${ip} -host-port ${port} -container-ip ${ep.ip} -container-port ${r.containerPort} -use-listen-fd`,
          user: 'root',
          netns: HOST_NS,
        });
        listen(tx, HOST_NS, { proto: r.proto, addr: ip, port, pid: proxyPid, service: { kind: 'docker-proxy', containerIp: ep.ip, containerPort: r.containerPort } });
      }
      const k = key(r.proto, port);
      tx.updateDocker((d) => ({ ...d, portsInUse: d.portsInUse.set(k, [...(d.portsInUse.get(k) ?? []), { ip, container: c.id as ContainerId }]) }));
      if (!ip.includes(':')) {
        const fp = { proto: r.proto, hostIp: ip, hostPort: port, containerIp: ep.ip, containerPort: r.containerPort };
        setHostNf(tx, (nf) => fw.addPort(nf, fwNetwork(net), fp, fwDaemon(tx.world)));
      }
      const b: PortBinding = { containerPort: r.containerPort, proto: r.proto, hostIp: ip, hostPort: port, ...(proxyPid ? { proxyPid } : {}) };
      made.push(b);
      tx.emit({ type: 'port-published', container: c.id, proto: r.proto, hostIp: ip, hostPort: port, containerPort: r.containerPort });
    }
  }
  return ok(made);
}

export function unpublishPorts(tx: Tx, c: Container, ep: Endpoint | undefined, net: Network | undefined): void {
  for (const b of c.ports) {
    if (b.proxyPid) {
      closeSockets(tx, HOST_NS, b.proxyPid);
      tx.kill(b.proxyPid);
    }
    const k = key(b.proto, b.hostPort);
    tx.updateDocker((d) => {
      const left = (d.portsInUse.get(k) ?? []).filter((x) => !(x.ip === b.hostIp && x.container === c.id));
      return { ...d, portsInUse: left.length ? d.portsInUse.set(k, left) : d.portsInUse.delete(k) };
    });
    if (ep && net && !b.hostIp.includes(':')) {
      const fp = { proto: b.proto, hostIp: b.hostIp, hostPort: b.hostPort, containerIp: ep.ip, containerPort: b.containerPort };
      setHostNf(tx, (nf) => fw.removePort(nf, fwNetwork(net), fp, fwDaemon(tx.world)));
    }
    tx.emit({ type: 'port-unpublished', container: c.id, proto: b.proto, hostIp: b.hostIp, hostPort: b.hostPort, containerPort: b.containerPort });
  }
}

function dockerdPid(tx: Tx): number {
  return tx.world.docker.dockerdPid;
}
