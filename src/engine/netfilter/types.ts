/**
 * netfilter state of one network namespace: tables → chains → rules with packet and byte
 * counters. Rules are structured (not strings): `iptables -S` and `-nvL` print them, the packet
 * walk evaluates them.
 */

export type TableName = 'raw' | 'mangle' | 'nat' | 'filter';

export interface Cidr {
  readonly ip: string;
  readonly prefix: number;
}

export type CtState = 'NEW' | 'RELATED' | 'ESTABLISHED' | 'INVALID';

export type Match =
  /** `neg` inverts whichever of srcType/dstType is set (`! --dst-type LOCAL`). */
  | { readonly m: 'addrtype'; readonly srcType?: 'LOCAL'; readonly dstType?: 'LOCAL'; readonly neg?: boolean }
  /**
   * `ctstate` as Docker writes it; `--ctorigdstport` (the connection's original destination
   * port, before DNAT) and `--ctdir` as Docker's packet-filtering tutorial writes them.
   */
  | {
      readonly m: 'conntrack';
      readonly ctstate?: readonly CtState[];
      readonly origDstPort?: number;
      readonly origDstPortEnd?: number;
      readonly ctdir?: 'ORIGINAL' | 'REPLY';
    }
  /** `-m iprange [!] --src-range a-b [!] --dst-range a-b` (inclusive ranges of IPv4 addresses). */
  | {
      readonly m: 'iprange';
      readonly src?: { readonly lo: string; readonly hi: string };
      readonly srcNeg?: boolean;
      readonly dst?: { readonly lo: string; readonly hi: string };
      readonly dstNeg?: boolean;
    }
  /** Ports; `…End` makes a range (`--dport 8000:8080`). */
  | {
      readonly m: 'tcp' | 'udp';
      readonly dport?: number;
      readonly sport?: number;
      readonly dportEnd?: number;
      readonly sportEnd?: number;
    };

export interface RuleSpec {
  readonly src?: Cidr;
  readonly srcNeg?: boolean;
  readonly dst?: Cidr;
  readonly dstNeg?: boolean;
  /** Interface names; a trailing `+` is a wildcard, as in iptables. */
  readonly in?: string;
  readonly inNeg?: boolean;
  readonly out?: string;
  readonly outNeg?: boolean;
  readonly proto?: 'tcp' | 'udp' | 'icmp';
  readonly matches: readonly Match[];
  readonly target: Target;
}

/** libipt_REJECT.c reject_table names (the kernel's answer to a rejected packet). */
export type RejectWith =
  | 'icmp-net-unreachable'
  | 'icmp-host-unreachable'
  | 'icmp-proto-unreachable'
  | 'icmp-port-unreachable'
  | 'icmp-net-prohibited'
  | 'icmp-host-prohibited'
  | 'tcp-reset'
  | 'icmp-admin-prohibited';

export type Target =
  | { readonly t: 'ACCEPT' | 'DROP' | 'RETURN' | 'MASQUERADE' }
  /** Drops the packet and answers it (ipt_REJECT): an ICMP error or a TCP RST. */
  | { readonly t: 'REJECT'; readonly with: RejectWith }
  /** `-j CHAIN`; `goto` is `-g CHAIN` (no return to this chain: RETURN there ends the calling chain too). */
  | { readonly t: 'JUMP'; readonly chain: string; readonly goto?: boolean }
  /** `to` as iptables prints it: '192.0.2.2:80' or '192.0.2.2'. */
  | { readonly t: 'DNAT'; readonly to: string }
  | { readonly t: 'SNAT'; readonly to: string };

export interface Rule {
  readonly spec: RuleSpec;
  /** The rule's `-S` arguments, computed once: how iptables compares rules for -C / -D. */
  readonly key: string;
  readonly pkts: number;
  readonly bytes: number;
  /**
   * Added by hand (`iptables -A/-I/-R`), not by Docker: a daemon restart flushes Docker's chains
   * but the kernel keeps these where they are (see engine/docker/restart.ts).
   */
  readonly byUser?: true;
}

export interface Chain {
  readonly name: string;
  /** Built-in chains have a policy; user chains have null. */
  readonly policy: 'ACCEPT' | 'DROP' | null;
  readonly pkts: number;
  readonly bytes: number;
  readonly rules: readonly Rule[];
}

export interface Table {
  /** Keyed by chain name. Listing order is iptables': built-ins first, then user chains sorted. */
  readonly chains: Readonly<Record<string, Chain>>;
}

export interface Netfilter {
  readonly tables: Readonly<Record<TableName, Table>>;
}

/**
 * One change to the tables, for an event. `rule` is the `iptables -S` text of the rule
 * (`-A DOCKER -i docker0 -j RETURN`), or `-N CHAIN` / `-X CHAIN` / `-P CHAIN POLICY`.
 * The rule-* types are spelled as EngineEvent's, so a change can be spread into an event.
 */
export interface NfChange {
  readonly type: 'rule-appended' | 'rule-inserted' | 'rule-deleted' | 'chain-created' | 'chain-deleted' | 'policy-set';
  readonly table: TableName;
  readonly chain: string;
  readonly rule: string;
}

/** What a generic op (tables.ts) returns: the new Netfilter and the change, for an event. */
export interface NfOpResult {
  readonly nf: Netfilter;
  readonly change: NfChange;
}
