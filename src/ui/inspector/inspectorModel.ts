import { HOST_NS, shortId, type ContainerId, type IfaceId, type NetnsId, type NetworkId } from '../../engine/ids';
import type { Container } from '../../engine/docker/types';
import type { Iface } from '../../engine/net/types';
import type { World } from '../../engine/world';
import type { TopoNode, Topology } from '../../engine/topology';
import type { MessageKey } from '../../i18n';

/**
 * What the inspector shows for a selected node, read from the World (the topology only says
 * what the node is). Labels are message keys; values are what `docker inspect` / `ip addr`
 * would print, so the student can check them in the console with the listed commands.
 */

export interface Row {
  readonly label: MessageKey;
  readonly value: string;
}

export interface Section {
  readonly title: string;
  readonly rows: readonly Row[];
}

export interface InspectorModel {
  readonly kind: TopoNode['kind'];
  readonly title: string;
  readonly rows: readonly Row[];
  readonly sections: readonly Section[];
  readonly commands: readonly string[];
}

const row = (label: MessageKey, value: string | number | undefined): Row[] => (value === undefined || value === '' ? [] : [{ label, value: String(value) }]);

/** Names the kernel would print for an interface's other end: `vethabc1234@if5` style, with the namespace. */
function ifaceRef(w: World, id: IfaceId | undefined): string | undefined {
  const i = id ? w.ifaces.get(id) : undefined;
  if (!i) return undefined;
  return `${i.name} (ifindex ${i.ifindex}, ${i.netns === HOST_NS ? 'host' : i.netns})`;
}

/** Who lives in a namespace, for commands that must run inside it. */
function containerIn(w: World, ns: NetnsId): Container | undefined {
  for (const c of w.docker.containers.values()) if (c.netns === ns && c.state === 'running') return c;
  return undefined;
}

function execPrefix(w: World, ns: NetnsId): string {
  if (ns === HOST_NS) return '';
  const c = containerIn(w, ns);
  return c ? `docker exec ${c.name} ` : '';
}

function containerModel(w: World, c: Container): InspectorModel {
  const sections: Section[] = [];
  for (const att of c.networks) {
    const net = w.docker.networks.get(att.networkId);
    const ep = att.endpointId ? w.docker.endpoints.get(att.endpointId) : undefined;
    const peer = ep?.hostVeth;
    const inside = ep?.containerIface ? w.ifaces.get(ep.containerIface) : undefined;
    sections.push({
      title: net?.name ?? shortId(att.networkId),
      rows: [
        ...row('inspector.ip', ep?.ip ? `${ep.ip}/${ep.prefix}` : undefined),
        ...row('inspector.gateway', ep?.gateway),
        ...row('inspector.mac', ep?.mac),
        ...row('inspector.veth', inside && peer ? `${inside.name} (ifindex ${inside.ifindex}) ↔ ${ifaceRef(w, peer) ?? '?'}` : undefined),
      ],
    });
  }
  const ports = c.ports.map((p) => `${p.hostIp.includes(':') ? `[${p.hostIp}]` : p.hostIp}:${p.hostPort} → ${p.containerPort}/${p.proto}`);
  const donor = c.networkMode.startsWith('container:') ? w.docker.containers.get(c.networkMode.slice(10) as ContainerId) : undefined;
  const running = c.state === 'running';
  return {
    kind: 'container',
    title: c.name,
    rows: [
      ...row('inspector.name', c.name),
      ...row('inspector.id', shortId(c.id)),
      ...row('inspector.image', c.image),
      ...row('inspector.state', c.state),
      ...row('inspector.mode', donor ? `container:${donor.name}` : c.networkMode),
      ...row('inspector.namespace', c.netns),
      ...row('inspector.ports', ports.length ? ports.join(', ') : undefined),
    ],
    sections,
    commands: [`docker inspect ${c.name}`, ...(running ? [`docker exec ${c.name} ip addr`] : []), ...(ports.length ? [`docker port ${c.name}`] : [])],
  };
}

function ifaceModel(w: World, i: Iface): InspectorModel {
  const prefix = execPrefix(w, i.netns);
  const master = i.master ? w.ifaces.get(i.master) : undefined;
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
    ],
    sections: [],
    commands: prefix || i.netns === HOST_NS ? [`${prefix}ip addr show ${i.name}`, ...(i.kind === 'bridge' ? [`ip link show master ${i.name}`] : [])] : [],
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
      ...row('inspector.containers', [...members, ...byMode].join(', ') || undefined),
    ],
    sections: [],
    commands: [`docker network inspect ${n.name}`],
  };
}

export function inspectorModel(w: World, topo: Topology, id: string): InspectorModel | null {
  const node = topo.nodes.find((n) => n.id === id);
  if (!node) return null;
  switch (node.kind) {
    case 'container': {
      const c = w.docker.containers.get(id as ContainerId);
      return c ? containerModel(w, c) : null;
    }
    case 'interface':
    case 'bridge':
    case 'veth': {
      const i = w.ifaces.get(id as IfaceId);
      return i ? ifaceModel(w, i) : null;
    }
    case 'network':
      return networkModel(w, id as NetworkId);
    case 'port': {
      const d = node.details;
      const owner = topo.nodes.find((n) => n.kind === 'container' && id.startsWith(`port:${n.id}:`));
      return {
        kind: 'port',
        title: node.label,
        rows: [...row('inspector.hostIps', (d.hostIps ?? []).join(', ')), ...row('inspector.target', owner ? `${owner.name}:${d.containerPort}/${d.proto}` : undefined)],
        sections: [],
        commands: [...(owner ? [`docker port ${owner.name}`] : []), 'iptables -t nat -L DOCKER -n'],
      };
    }
    case 'netns': {
      const c = containerIn(w, id as NetnsId);
      const ifaces = (w.netns.get(id as NetnsId)?.ifaces ?? []).map((x) => w.ifaces.get(x)?.name ?? '?');
      return { kind: 'netns', title: id, rows: [...row('inspector.containers', c?.name), ...row('inspector.interfaces', ifaces.join(', '))], sections: [], commands: c ? [`docker exec ${c.name} ip addr`, `docker exec ${c.name} ip route`] : [] };
    }
    case 'host':
      return { kind: 'host', title: node.name, rows: [...row('inspector.addresses', node.details.ip)], sections: [], commands: ['ip addr', 'ip route', 'iptables -t nat -L -n'] };
    default:
      return { kind: node.kind, title: node.name, rows: [...row('inspector.addresses', node.details.ip)], sections: [], commands: [] };
  }
}
