import { HOST_NS, LAPTOP_NS, ROUTER_NS, shortId, type ContainerId, type IfaceId, type NetnsId, type NetworkId } from '../../engine/ids';
import type { Container, Network } from '../../engine/docker/types';
import type { Iface } from '../../engine/net/types';
import { saveRuleText } from '../../engine/netfilter/ruleText';
import { INTERNET_ID } from '../../engine/topology';
import type { World } from '../../engine/world';
import type { TopoNodeKind } from '../../engine/topology';
import type { MessageKey } from '../../i18n';

/**
 * What the inspector shows for a selected object, read from the World. Labels are message keys;
 * values are what `docker inspect`, `ip addr` or `iptables -nvL` would print, so the student can
 * check them in the console with the listed commands.
 */

export interface Row {
  readonly label: MessageKey;
  readonly value: string;
  /** Several values, one per line (environment, rules). */
  readonly list?: readonly string[];
}

export interface Section {
  readonly title: string;
  readonly rows: readonly Row[];
}

export interface InspectorModel {
  readonly kind: TopoNodeKind;
  readonly title: string;
  readonly rows: readonly Row[];
  /** Titled groups: one per network for a container. */
  readonly sections: readonly Section[];
  /** Longer facts shown after the sections (ports, links, environment). */
  readonly more?: readonly Row[];
  readonly commands: readonly string[];
}

const row = (label: MessageKey, value: string | number | undefined | null): Row[] => (value === undefined || value === null || value === '' ? [] : [{ label, value: String(value) }]);
const listRow = (label: MessageKey, values: readonly string[]): Row[] => (values.length ? [{ label, value: values.join('\n'), list: values }] : []);

/** An interface as the kernel names it, with its index and where it lives. */
function ifaceRef(w: World, id: IfaceId | undefined, withNs = true): string | undefined {
  const i = id ? w.ifaces.get(id) : undefined;
  if (!i) return undefined;
  return `${i.name} (ifindex ${i.ifindex}${withNs ? `, ${i.netns === HOST_NS ? 'host' : i.netns}` : ''})`;
}

/** Who lives in a namespace, for commands that must run inside it. */
function containerIn(w: World, ns: NetnsId): Container | undefined {
  for (const c of w.docker.containers.values()) if (c.netns === ns && c.state === 'running') return c;
  return undefined;
}

function execPrefix(w: World, ns: NetnsId): string | null {
  if (ns === HOST_NS) return '';
  const c = containerIn(w, ns);
  return c ? `docker exec ${c.name} ` : null;
}

const portText = (p: { hostIp: string; hostPort: number; containerPort: number; proto: string }) => `${p.hostIp.includes(':') ? `[${p.hostIp}]` : p.hostIp}:${p.hostPort} → ${p.containerPort}/${p.proto}`;

function containerModel(w: World, c: Container): InspectorModel {
  const sections: Section[] = [];
  for (const att of c.networks) {
    const net = w.docker.networks.get(att.networkId);
    const ep = att.endpointId ? w.docker.endpoints.get(att.endpointId) : undefined;
    const inside = ep?.containerIface ? w.ifaces.get(ep.containerIface) : undefined;
    sections.push({
      title: net?.name ?? shortId(att.networkId),
      rows: [
        ...row('inspector.ip', ep?.ip ? `${ep.ip}/${ep.prefix}` : undefined),
        ...row('inspector.gateway', ep?.gateway),
        ...row('inspector.mac', ep?.mac),
        ...row('inspector.veth', inside && ep?.hostVeth ? `${inside.name} (ifindex ${inside.ifindex}, ${c.name}) ↔ ${ifaceRef(w, ep.hostVeth) ?? '?'}` : undefined),
        ...row('inspector.aliases', ep?.aliases?.length ? ep.aliases.join(', ') : undefined),
        ...row('inspector.dnsNames', ep?.dnsNames?.length ? ep.dnsNames.join(', ') : undefined),
      ],
    });
  }
  const donor = c.networkMode.startsWith('container:') ? w.docker.containers.get(c.networkMode.slice(10) as ContainerId) : undefined;
  const running = c.state === 'running';
  const links = c.links.map((l) => `${w.docker.containers.get(l.target)?.name ?? shortId(l.target)} as ${l.alias}`);
  const env = [...c.env, ...(c.linkEnv ?? [])];
  const ports = c.ports.map(portText);
  return {
    kind: 'container',
    title: c.name,
    rows: [
      ...row('inspector.name', c.name),
      ...row('inspector.id', shortId(c.id)),
      ...row('inspector.image', c.image),
      ...row('inspector.state', c.state),
      ...row('inspector.mode', donor ? `container:${donor.name}` : c.networkMode),
      ...row('inspector.hostname', c.hostname),
      ...row('inspector.namespace', running ? (c.netns === HOST_NS ? 'host' : c.netns) : undefined),
      ...listRow('inspector.ports', ports),
    ],
    sections,
    more: [...listRow('inspector.links', links), ...listRow('inspector.env', env)],
    commands: [
      `docker inspect ${c.name}`,
      ...(running ? [`docker exec ${c.name} ip addr`, `docker exec ${c.name} cat /etc/hosts`] : [`docker start ${c.name}`]),
      ...(ports.length ? [`docker port ${c.name}`] : []),
    ],
  };
}

function bridgeRows(w: World, i: Iface): { rows: Row[]; net: Network | undefined } {
  let net: Network | undefined;
  for (const n of w.docker.networks.values()) if (n.bridge === i.id) net = n;
  const ports: string[] = [];
  const ns = w.netns.get(i.netns);
  for (const id of ns?.ifaces ?? []) {
    const p = w.ifaces.get(id);
    if (p?.master !== i.id) continue;
    const peer = p.peer ? w.ifaces.get(p.peer) : undefined;
    const owner = peer ? containerIn(w, peer.netns) : undefined;
    ports.push(`${p.name}${owner ? ` ↔ ${owner.name} ${peer?.name ?? ''}` : ''}`);
  }
  return {
    net,
    rows: [
      ...row('inspector.network', net?.name),
      ...row('inspector.subnet', net?.ipam[0]?.subnet),
      ...row('inspector.gateway', net?.ipam[0]?.gateway),
      ...listRow('inspector.bridgePorts', ports),
    ],
  };
}

function ifaceModel(w: World, i: Iface): InspectorModel {
  const prefix = execPrefix(w, i.netns);
  const master = i.master ? w.ifaces.get(i.master) : undefined;
  const bridge = i.kind === 'bridge' ? bridgeRows(w, i) : null;
  const commands: string[] = [];
  if (prefix !== null) commands.push(`${prefix}ip addr show ${i.name}`);
  if (bridge) commands.push(`brctl show ${i.name}`, ...(bridge.net ? [`docker network inspect ${bridge.net.name}`] : []));
  if (i.kind === 'veth' && i.netns === HOST_NS) commands.push(`ip -d link show ${i.name}`);
  return {
    kind: i.kind === 'bridge' ? 'bridge' : i.kind === 'veth' ? 'veth' : 'interface',
    title: i.name,
    rows: [
      ...row('inspector.kind', i.kind === 'ether' ? 'ethernet' : i.kind),
      ...row('inspector.namespace', i.netns === HOST_NS ? 'host' : i.netns),
      ...row('inspector.ifindex', i.ifindex),
      ...row('inspector.addresses', i.addrs.map((a) => `${a.ip}/${a.prefix}`).join(', ')),
      ...row('inspector.mac', i.mac),
      ...row('inspector.state', i.up ? 'UP' : 'DOWN'),
      ...row('inspector.master', master?.name),
      ...row('inspector.peer', ifaceRef(w, i.peer)),
      ...(bridge?.rows ?? []),
    ],
    sections: [],
    commands,
  };
}

function networkModel(w: World, id: NetworkId): InspectorModel | null {
  const n = w.docker.networks.get(id);
  if (!n) return null;
  const bridge = n.bridge ? w.ifaces.get(n.bridge) : undefined;
  const members = n.endpoints.map((e) => w.docker.endpoints.get(e)).map((ep) => (ep ? `${w.docker.containers.get(ep.containerId)?.name ?? '?'}${ep.ip ? ` ${ep.ip}` : ''}` : '?'));
  const byMode = [...w.docker.containers.values()].filter((c) => c.networkMode === n.name && c.networks.length === 0).map((c) => c.name);
  return {
    kind: 'network',
    title: n.name,
    rows: [
      ...row('inspector.id', shortId(n.id)),
      ...row('inspector.driver', n.driver),
      ...row('inspector.subnet', n.ipam[0]?.subnet),
      ...row('inspector.gateway', n.ipam[0]?.gateway),
      ...row('inspector.bridge', bridge?.name),
      ...listRow('inspector.containers', [...members, ...byMode]),
    ],
    sections: [],
    commands: [`docker network inspect ${n.name}`],
  };
}

/** `port:<container id>:<proto>/<host port>:<container port>` (see portNodeId in engine/topology). */
function parsePortId(id: string): { container: ContainerId; proto: string; hostPort: number; containerPort: number } | null {
  const m = /^port:([^:]+):(\w+)\/(\d+):(\d+)$/.exec(id);
  if (!m) return null;
  return { container: m[1] as ContainerId, proto: m[2] ?? 'tcp', hostPort: Number(m[3]), containerPort: Number(m[4]) };
}

/** Rules of a chain Docker appended for this binding (to or for the container's addresses), with their counters. */
function portRules(w: World, table: 'nat' | 'filter', chain: string, p: { hostPort: number; containerPort: number; proto: string }, ips: ReadonlySet<string>): string[] {
  const rules = w.netns.get(HOST_NS)?.nf.tables[table].chains[chain]?.rules ?? [];
  const out: string[] = [];
  for (const r of rules) {
    const port = r.spec.matches.find((m) => m.m === 'tcp' || m.m === 'udp');
    if (r.spec.proto !== p.proto || !port || !('dport' in port)) continue;
    const t = r.spec.target;
    const ok =
      table === 'nat'
        ? port.dport === p.hostPort && t.t === 'DNAT' && ips.has(t.to.split(':')[0] ?? '')
        : port.dport === p.containerPort && t.t === 'ACCEPT' && r.spec.dst !== undefined && ips.has(r.spec.dst.ip);
    if (ok) out.push(`${saveRuleText(chain, r.spec)}   [${r.pkts} pkts, ${r.bytes} bytes]`);
  }
  return out;
}

function portModel(w: World, id: string): InspectorModel | null {
  const p = parsePortId(id);
  if (!p) return null;
  const c = w.docker.containers.get(p.container);
  if (!c) return null;
  const bindings = c.ports.filter((b) => b.hostPort === p.hostPort && b.containerPort === p.containerPort && b.proto === p.proto);
  // The DNAT rule sends the host port to the container's address; the filter rule lets it through.
  const ips = new Set<string>();
  for (const att of c.networks) {
    const ep = att.endpointId ? w.docker.endpoints.get(att.endpointId) : undefined;
    if (ep?.ip) ips.add(ep.ip);
  }
  const dnat = portRules(w, 'nat', 'DOCKER', p, ips);
  const accept = portRules(w, 'filter', 'DOCKER', p, ips);
  const proxies = bindings.filter((b) => b.proxyPid).map((b) => `docker-proxy pid ${b.proxyPid} (${b.hostIp.includes(':') ? `[${b.hostIp}]` : b.hostIp}:${b.hostPort})`);
  return {
    kind: 'port',
    title: `:${p.hostPort} → ${c.name}:${p.containerPort}/${p.proto}`,
    rows: [
      ...row('inspector.hostIps', bindings.map((b) => b.hostIp).join(', ')),
      ...row('inspector.target', `${c.name}:${p.containerPort}/${p.proto}`),
      ...listRow('inspector.dnat', dnat),
      ...listRow('inspector.filterRule', accept),
      ...listRow('inspector.proxy', proxies),
    ],
    sections: [],
    commands: [`docker port ${c.name}`, 'iptables -t nat -nvL DOCKER', 'iptables -nvL DOCKER'],
  };
}

/**
 * The model for the object with this id. The World says everything: the topology is not needed
 * (the three-argument form, with a topology in the middle, is kept for callers written before).
 */
export function inspectorModel(w: World, id: string): InspectorModel | null;
export function inspectorModel(w: World, topo: unknown, id: string): InspectorModel | null;
export function inspectorModel(w: World, a: unknown, b?: string): InspectorModel | null {
  const id = typeof a === 'string' ? a : (b ?? '');
  const c = w.docker.containers.get(id as ContainerId);
  if (c) return containerModel(w, c);
  const i = w.ifaces.get(id as IfaceId);
  if (i) return ifaceModel(w, i);
  if (w.docker.networks.has(id as NetworkId)) return networkModel(w, id as NetworkId);
  if (id.startsWith('port:')) return portModel(w, id);
  if (id === HOST_NS) {
    return { kind: 'host', title: w.host.hostname, rows: [...row('inspector.addresses', `${w.host.lanIp}/${w.host.lanPrefix}`)], sections: [], commands: ['ip addr', 'ip route', 'iptables -t nat -nvL'] };
  }
  if (id === LAPTOP_NS) {
    return { kind: 'machine', title: 'laptop', rows: [...row('inspector.addresses', `${w.host.laptopIp}/${w.host.lanPrefix}`)], sections: [], commands: ['ssh laptop'] };
  }
  if (id === ROUTER_NS) {
    return { kind: 'router', title: 'router', rows: [...row('inspector.addresses', `${w.host.routerIp}/${w.host.lanPrefix}, ${w.host.publicIp}`)], sections: [], commands: [] };
  }
  if (id === INTERNET_ID) return { kind: 'internet', title: 'internet', rows: listRow('inspector.hosts', Object.entries(w.host.internet).map(([n, ip]) => `${n} ${ip}`)), sections: [], commands: [] };
  const ip = w.host.internet[id];
  if (ip) return { kind: 'machine', title: id, rows: [...row('inspector.addresses', ip)], sections: [], commands: [`ping -c 1 ${id}`] };
  if (w.netns.has(id as NetnsId)) {
    const owner = containerIn(w, id as NetnsId);
    const members = [...w.docker.containers.values()].filter((x) => x.netns === id && x.state === 'running').map((x) => x.name);
    const ifaces = (w.netns.get(id as NetnsId)?.ifaces ?? []).map((x) => ifaceRef(w, x, false) ?? '?');
    return {
      kind: 'netns',
      title: id,
      rows: [...listRow('inspector.containers', members), ...listRow('inspector.interfaces', ifaces)],
      sections: [],
      commands: owner ? [`docker exec ${owner.name} ip addr`, `docker exec ${owner.name} ip route`] : [],
    };
  }
  return null;
}
