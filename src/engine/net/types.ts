import type { Map as IMap } from 'immutable';
import type { IfaceId, NetnsId } from '../ids';
import type { Netfilter } from '../netfilter/types';

/**
 * Kernel objects, in iproute2's vocabulary. A network namespace holds interfaces, routes,
 * listening sockets and (for the host) the netfilter tables. Interfaces are stored once in
 * `World.ifaces`, keyed by IfaceId; a namespace lists the ids it holds in ifindex order.
 */

export type IfaceKind = 'loopback' | 'ether' | 'bridge' | 'veth';

export interface Addr {
  readonly ip: string; // dotted quad
  readonly prefix: number;
  /** Broadcast, as netlink's AddrAdd computes it for prefixes < 31 (Docker ≥ 20.10 sets it). */
  readonly brd?: string;
  readonly scope: 'host' | 'global' | 'link';
  /** A further address in the subnet of one already on the device (`ip addr add` by hand). */
  readonly secondary?: boolean;
}

export interface Iface {
  readonly id: IfaceId;
  readonly netns: NetnsId;
  readonly ifindex: number;
  readonly name: string;
  readonly kind: IfaceKind;
  readonly mac: string;
  readonly mtu: number;
  /** Administrative state (`ip link set up`). Carrier/oper state is derived (see net/linkState). */
  readonly up: boolean;
  readonly qdisc: 'noqueue' | 'fq_codel' | 'mq';
  /** The bridge this interface is a port of. */
  readonly master?: IfaceId;
  /** The other end of a veth pair. */
  readonly peer?: IfaceId;
  /** A physical segment this NIC is plugged into ('lan', 'wan'); packets cross segments through it. */
  readonly segment?: string;
  readonly addrs: readonly Addr[];
  /**
   * IPv6 enabled on the device: `::1` on lo, an EUI-64 `fe80::` link-local on others (derived,
   * see net/linkLocal). Docker ≥ 26.1 disables IPv6 on container interfaces of IPv4-only networks.
   */
  readonly ipv6?: boolean;
}

export interface Route {
  /** 'default' or a CIDR such as 172.17.0.0/16. */
  readonly dst: string;
  readonly via?: string;
  readonly dev: IfaceId;
  readonly proto: 'kernel' | 'static' | 'dhcp' | 'boot';
  readonly scope: 'link' | 'global' | 'host';
  readonly src?: string;
  readonly metric?: number;
}

export interface Socket {
  readonly proto: 'tcp' | 'udp';
  /** Bound address: '0.0.0.0', '::', or a specific address. */
  readonly addr: string;
  readonly port: number;
  readonly pid: number;
  /** What answers a request on this socket (an image's service or docker-proxy). */
  readonly service: ServiceKind;
}

export type ServiceKind =
  | { readonly kind: 'http'; readonly server: 'nginx' | 'httpd' | 'python' | 'node' }
  | { readonly kind: 'redis' }
  | { readonly kind: 'postgres' }
  | { readonly kind: 'mysql' }
  | { readonly kind: 'dns' }
  | { readonly kind: 'sshd' }
  | {
      readonly kind: 'docker-proxy';
      readonly containerIp: string;
      readonly containerPort: number;
    };

export interface Netns {
  readonly id: NetnsId;
  readonly kind: 'host' | 'sandbox' | 'lan' | 'internet';
  /** Interfaces in ifindex order. */
  readonly ifaces: readonly IfaceId[];
  /** Interface name → id, so lookups and clash checks don't scan (3,000 veths on one host). */
  readonly byName: IMap<string, IfaceId>;
  readonly nextIfindex: number;
  readonly routes: readonly Route[];
  readonly sockets: readonly Socket[];
  /** net.ipv4.ip_forward */
  readonly forwarding: boolean;
  /** iptables state; every namespace has its own tables (empty until someone adds rules). */
  readonly nf: Netfilter;
  /** Peer namespaces as this namespace numbers them (`link-netnsid N` in `ip link`). */
  readonly nsids: IMap<NetnsId, number>;
  /** Released netns ids, lowest first: the kernel hands out the lowest free id (idr_alloc). */
  readonly nsidFree: readonly number[];
  readonly nsidNext: number;
  /** Running containers whose processes live in this namespace; at 0 a sandbox is destroyed. */
  readonly holders: number;
}

export interface Process {
  readonly pid: number;
  readonly ppid: number;
  /** Full command line as `ps` shows it. */
  readonly cmd: string;
  readonly user: string;
  readonly netns: NetnsId;
  /** Set for processes that run in a container. */
  readonly containerId?: string;
}
