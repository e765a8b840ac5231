import type { IfaceId, NetnsId } from '../ids';
import type { Socket } from '../net/types';
import type { TableName } from '../netfilter/types';
import type { World } from '../world';

/**
 * One step of a packet's walk through the simulated kernel, in the order the kernel takes them.
 * The console prints them for `trace`; the graph animates along them.
 *
 * `rule.hook` is the built-in chain (netfilter hook) the walk started from, so a rule in a user
 * chain (`DOCKER`) can be told apart when it is reached from PREROUTING or from OUTPUT.
 */
export type Hop =
  | { readonly kind: 'send'; readonly netns: NetnsId; readonly summary: string }
  | { readonly kind: 'route'; readonly netns: NetnsId; readonly dst: string; readonly route: string; readonly dev?: IfaceId; readonly via?: string; readonly result: 'ok' | 'unreachable' }
  | { readonly kind: 'rule'; readonly netns: NetnsId; readonly table: TableName; readonly chain: string; readonly num: number; readonly rule: string; readonly target: string; readonly hook?: string }
  | { readonly kind: 'policy'; readonly netns: NetnsId; readonly table: TableName; readonly chain: string; readonly policy: string }
  | { readonly kind: 'nat'; readonly netns: NetnsId; readonly what: 'DNAT' | 'SNAT' | 'MASQUERADE' | 'un-DNAT' | 'un-SNAT'; readonly from: string; readonly to: string }
  | { readonly kind: 'xmit'; readonly from: IfaceId; readonly to: IfaceId; readonly via: 'veth' | 'bridge' | 'wire' | 'lo' }
  | { readonly kind: 'bridge'; readonly bridge: IfaceId; readonly inPort: IfaceId; readonly outPort: IfaceId | null }
  | { readonly kind: 'deliver'; readonly netns: NetnsId; readonly iface?: IfaceId; readonly socket: string }
  | { readonly kind: 'drop'; readonly netns: NetnsId; readonly reason: string; readonly by?: DropBy }
  /** The answer starts back; `reject` names a REJECT rule's answer ('TCP RST', 'ICMP port unreachable'). */
  | { readonly kind: 'reply'; readonly summary: string; readonly reject?: string };

/** The netfilter decision that dropped a packet: a rule (as `--line-numbers` counts it) or a chain's policy. */
export type DropBy =
  | { readonly table: TableName; readonly chain: string; readonly num: number; readonly rule: string; readonly hook: string }
  | { readonly table: TableName; readonly chain: string; readonly policy: 'DROP' };

export type PacketProto = 'icmp' | 'tcp' | 'udp';

/** What a tool asks the kernel to send (ping: icmp; curl/nc: tcp; nslookup: udp/53). */
export interface PacketInput {
  readonly dst: string;
  readonly proto: PacketProto;
  readonly dport?: number;
  /** Chosen from the ephemeral range 32768–60999 when absent (deterministically, see ephemeralPort). */
  readonly sport?: number;
  /** Size on the wire of the request (84 for a default ping, 60 for a TCP SYN). */
  readonly bytes: number;
  /** Source address (`ping -I`, a bound socket); else the route's preferred source. */
  readonly src?: string;
  /** Size of the answer; defaults: echo reply = request, SYN-ACK 60, RST 40, UDP = request. */
  readonly replyBytes?: number;
}

/**
 * Why an exchange failed, as the sending tool sees it:
 * - `no-route`: no route (ENETUNREACH, "Network unreachable"), at the sender or a router;
 * - `unreachable`: nobody answered ARP for the next hop (EHOSTUNREACH, "Host is unreachable");
 * - `refused`: TCP RST or ICMP port unreachable (ECONNREFUSED);
 * - `proto-unreachable`: ICMP protocol unreachable (ENOPROTOOPT, "Protocol not available");
 * - `timeout`: the packet or its answer was dropped silently (iptables DROP, no forwarding).
 * A REJECT's ICMP error makes `unreachable` (host, host/admin prohibited) or `no-route` (net,
 * net prohibited) too; then `PacketResult.answer` says what came back and from where.
 */
export type PacketError = 'unreachable' | 'no-route' | 'refused' | 'proto-unreachable' | 'timeout';

/** The ICMP destination-unreachable codes a REJECT can answer with (ipt_REJECT's --reject-with). */
export type UnreachCode = 'net-unreachable' | 'host-unreachable' | 'proto-unreachable' | 'port-unreachable' | 'net-prohibited' | 'host-prohibited' | 'admin-prohibited';

/**
 * The answer a REJECT sent back and the sender received, at once (no ARP wait, no retries):
 * a TCP RST, or an ICMP destination unreachable with its code.
 */
export interface RejectAnswer {
  readonly kind: 'rst' | UnreachCode;
  /** The answer's source address as the sender received it (after conntrack undid the NAT). */
  readonly from: string;
  /** The namespace whose REJECT rule answered. */
  readonly by: NetnsId;
}

/** A packet's addresses at one point of the walk. */
export interface Tuple {
  readonly src: string;
  readonly dst: string;
  readonly sport?: number;
  readonly dport?: number;
}

export interface PacketReply {
  readonly kind: 'echo-reply' | 'syn-ack' | 'rst' | 'udp' | 'port-unreachable';
  /** The answer as it left the answering namespace (before the reverse NAT). */
  readonly sent: Tuple;
  /** The answer as the sender received it (after conntrack reversed every NAT), if it came back. */
  readonly received?: Tuple;
  readonly bytes: number;
}

export interface PacketResult {
  readonly world: World;
  readonly hops: readonly Hop[];
  /** True when the request reached a listener (or the kernel's ICMP echo) and the answer came back. */
  readonly delivered: boolean;
  readonly reply?: PacketReply;
  /** The final answering socket; `socket: null` when the kernel answered (ICMP echo, RST). */
  readonly answeredBy?: { readonly netns: NetnsId; readonly socket: Socket | null };
  /**
   * The request as the answering socket saw it: what an access log prints. Through docker-proxy
   * it is the proxy's own connection (source = the bridge's gateway address).
   */
  readonly seen?: Tuple;
  readonly error?: PacketError;
  /** A REJECT's answer that came back to the sender (absent when it was lost on the way). */
  readonly answer?: RejectAnswer;
}
