/**
 * The rules Docker Engine 28.5's bridge driver programs, as functions over a Netfilter value.
 * Mirrors moby v28.5.2 libnetwork/drivers/bridge/internal/iptabler (iptabler.go setupIPChains,
 * network.go, endpoint.go, port.go, link.go) and libnetwork/firewall_linux.go (DOCKER-USER).
 * Checked against the daemon-generated listings in
 * shared/reference/transcripts/moby-iptablesdoc-v28.5.2-*.md (see docker.test.ts).
 *
 * Every moby call is idempotent (iptables.Rule.Append/Insert/Delete check Exists first), so
 * these are too. "Insert" always means position 1, "append" the end of the chain: that is what
 * orders a newer network's rules above (nat POSTROUTING, nat DOCKER, ISOLATION-STAGE-2, filter
 * DOCKER per-port ACCEPTs) or below (DOCKER-FORWARD, DOCKER-CT, DOCKER-BRIDGE, ISOLATION-STAGE-1,
 * filter DOCKER default DROP, nat DNAT) the older ones.
 *
 * Each function returns the new Netfilter; diff.ts diffRules(before, after) gives the events.
 *
 * Call order for a daemon's life: setupDaemon → addNetwork(docker0) → addNetwork(user nets) →
 * per container: addEndpoint, then addPort per published port (or addContainer for both),
 * addLink for legacy links; tear down in reverse with the remove* functions.
 */
import { cidr } from './ruleText';
import { appendRule, deleteRule, getChain, insertRule, newChain, ruleExists, setPolicy } from './tables';
import type { Match, Netfilter, RuleSpec, TableName, Target } from './types';

export interface FwDaemon {
  readonly userlandProxy: boolean;
}

export interface FwNetwork {
  readonly bridge: string; // 'docker0', 'br-1a2b3c4d5e6f'
  readonly subnet: string; // '172.17.0.0/16'
  readonly icc: boolean;
  readonly masquerade: boolean;
  readonly internal: boolean;
  /** com.docker.network.bridge.gateway_mode_ipv4 */
  readonly gatewayMode: 'nat' | 'nat-unprotected' | 'routed';
  /** com.docker.network.host_ipv4 (SNAT instead of MASQUERADE when set). */
  readonly hostIpv4?: string;
}

export interface FwPort {
  readonly proto: 'tcp' | 'udp';
  readonly hostIp: string; // '0.0.0.0' or a specific IPv4
  readonly hostPort: number;
  readonly containerIp: string;
  readonly containerPort: number;
}

export interface FwLink {
  readonly parentIp: string;
  readonly childIp: string;
  readonly ports: readonly { readonly proto: 'tcp' | 'udp'; readonly port: number }[];
}

/** A container's endpoint on a network, with its published ports. */
export interface FwContainer {
  readonly ip: string;
  readonly ports: readonly FwPort[];
}

const DOCKER = 'DOCKER';
const FWD = 'DOCKER-FORWARD';
const BRIDGE = 'DOCKER-BRIDGE';
const CT = 'DOCKER-CT';
const ISO1 = 'DOCKER-ISOLATION-STAGE-1';
const ISO2 = 'DOCKER-ISOLATION-STAGE-2';
const USER = 'DOCKER-USER';

/**
 * Applies ops in order; each is a no-op when already done, like moby's Exists checks. Since
 * students can edit the tables by hand (`iptables -F/-X`), a rule for a chain that is gone, or
 * jumping to one, is skipped: iptables would refuse it and moby logs the error and goes on.
 */
class Edit {
  constructor(public nf: Netfilter) {}

  chain(table: TableName, name: string): void {
    if (!getChain(this.nf, table, name)) this.nf = newChain(this.nf, table, name).nf;
  }
  private possible(table: TableName, chain: string, spec: RuleSpec): boolean {
    return getChain(this.nf, table, chain) !== undefined && (spec.target.t !== 'JUMP' || getChain(this.nf, table, spec.target.chain) !== undefined);
  }
  append(table: TableName, chain: string, spec: RuleSpec): void {
    if (this.possible(table, chain, spec) && !ruleExists(this.nf, table, chain, spec)) this.nf = appendRule(this.nf, table, chain, spec).nf;
  }
  insert(table: TableName, chain: string, spec: RuleSpec): void {
    if (this.possible(table, chain, spec) && !ruleExists(this.nf, table, chain, spec)) this.nf = insertRule(this.nf, table, chain, spec, 1).nf;
  }
  del(table: TableName, chain: string, spec: RuleSpec): void {
    if (ruleExists(this.nf, table, chain, spec)) this.nf = deleteRule(this.nf, table, chain, spec).nf;
  }
  /** Add (append/insert) or delete, like moby's appendOrDelChainRule / programChainRule. */
  put(add: boolean, how: 'append' | 'insert', table: TableName, chain: string, spec: RuleSpec): void {
    if (!add) this.del(table, chain, spec);
    else if (how === 'append') this.append(table, chain, spec);
    else this.insert(table, chain, spec);
  }
  /** iptables.EnsureJumpRule: delete the jump wherever it is, re-insert it at the top. */
  ensureJump(table: TableName, from: string, to: string): void {
    const spec = rule({ target: jump(to) });
    this.del(table, from, spec);
    this.insert(table, from, spec);
  }
  policy(table: TableName, chain: string, p: 'ACCEPT' | 'DROP'): void {
    if (getChain(this.nf, table, chain)?.policy !== p) this.nf = setPolicy(this.nf, table, chain, p).nf;
  }
}

function edit(nf: Netfilter, f: (e: Edit) => void): Netfilter {
  const e = new Edit(nf);
  f(e);
  return e.nf;
}

interface RuleArgs {
  readonly src?: string;
  readonly srcNeg?: boolean;
  readonly dst?: string;
  readonly dstNeg?: boolean;
  readonly in?: string;
  readonly inNeg?: boolean;
  readonly out?: string;
  readonly outNeg?: boolean;
  readonly proto?: 'tcp' | 'udp' | 'icmp';
  readonly matches?: readonly Match[];
  readonly target: Target;
}

function rule(a: RuleArgs): RuleSpec {
  return {
    ...(a.src !== undefined ? { src: cidr(a.src), ...(a.srcNeg ? { srcNeg: true } : {}) } : {}),
    ...(a.dst !== undefined ? { dst: cidr(a.dst), ...(a.dstNeg ? { dstNeg: true } : {}) } : {}),
    ...(a.in !== undefined ? { in: a.in, ...(a.inNeg ? { inNeg: true } : {}) } : {}),
    ...(a.out !== undefined ? { out: a.out, ...(a.outNeg ? { outNeg: true } : {}) } : {}),
    ...(a.proto ? { proto: a.proto } : {}),
    matches: a.matches ?? [],
    target: a.target,
  };
}

const jump = (chain: string): Target => ({ t: 'JUMP', chain });
const ACCEPT: Target = { t: 'ACCEPT' };
const DROP: Target = { t: 'DROP' };
const RETURN: Target = { t: 'RETURN' };
const RELATED_ESTABLISHED: Match = { m: 'conntrack', ctstate: ['RELATED', 'ESTABLISHED'] };
const port = (proto: 'tcp' | 'udp', p: { dport?: number; sport?: number }): Match => ({ m: proto, ...p });
const isLoopback4 = (ip: string): boolean => ip.startsWith('127.');
const isIpv6 = (ip: string): boolean => ip.includes(':');

/** Docker's own chains, which iptabler.go removeIPChains flushes and deletes at daemon start. */
export const DOCKER_CHAINS: Readonly<Record<'nat' | 'filter', readonly string[]>> = {
  nat: [DOCKER],
  filter: [DOCKER, FWD, BRIDGE, CT, ISO1, ISO2],
};

/**
 * Daemon start: iptabler.go setupIPChains (chains, nat jumps, DOCKER-FORWARD jumps inserted in
 * reverse order), then firewall_linux.go setupUserChain (DOCKER-USER, jump re-inserted on top).
 * Since 28.2.2 DOCKER-USER has no `-j RETURN`. The FORWARD policy is not Docker's to set here:
 * see filterForwardDrop.
 */
export function setupDaemon(nf: Netfilter, d: FwDaemon): Netfilter {
  const e = new Edit(nf);
  e.chain('nat', DOCKER);
  for (const c of [DOCKER, FWD, BRIDGE, CT, ISO1, ISO2]) e.chain('filter', c);
  const local: Match = { m: 'addrtype', dstType: 'LOCAL' };
  e.append('nat', 'PREROUTING', rule({ matches: [local], target: jump(DOCKER) }));
  // addNATJumpRules: with the proxy on (no hairpin), loopback destinations are left to docker-proxy.
  e.append('nat', 'OUTPUT', rule({ ...(d.userlandProxy ? { dst: '127.0.0.0/8', dstNeg: true } : {}), matches: [local], target: jump(DOCKER) }));
  e.ensureJump('filter', 'FORWARD', FWD);
  e.ensureJump('filter', FWD, BRIDGE);
  e.ensureJump('filter', FWD, ISO1);
  e.ensureJump('filter', FWD, CT);
  e.chain('filter', USER);
  e.ensureJump('filter', 'FORWARD', USER);
  return e.nf;
}

/** iptabler.go FilterForwardDrop; called by the bridge driver only (drivers/bridge.ts setupIPv4Forwarding). */
export function filterForwardDrop(nf: Netfilter): Netfilter {
  return edit(nf, (e) => e.policy('filter', 'FORWARD', 'DROP'));
}

/** network.go setupIPTables, for add (true) or remove (false); same rules, same order. */
function programNetwork(e: Edit, n: FwNetwork, d: FwDaemon, add: boolean): void {
  const br = n.bridge;
  const hairpin = !d.userlandProxy;
  if (n.internal) {
    // setupInternalNetworkRules: two inserts, so the "! -s … -o br" rule ends up first.
    e.put(add, 'insert', 'filter', ISO1, rule({ in: br, dst: n.subnet, dstNeg: true, target: DROP }));
    e.put(add, 'insert', 'filter', ISO1, rule({ out: br, src: n.subnet, srcNeg: true, target: DROP }));
    // setIcc(internal=true): internal networks have no outgoing rule, so ICC needs its own ACCEPT.
    e.put(add, 'append', 'filter', FWD, rule({ in: br, out: br, target: n.icc ? ACCEPT : DROP }));
    return;
  }
  const routed = n.gatewayMode === 'routed';
  // setupNonInternalNetworkRules
  const nat: Target = n.hostIpv4 ? { t: 'SNAT', to: n.hostIpv4 } : { t: 'MASQUERADE' };
  if (n.masquerade) {
    if (!routed) e.put(add, 'insert', 'nat', 'POSTROUTING', rule({ src: n.subnet, out: br, outNeg: true, target: nat }));
    // "SKIP DNAT" so docker-proxy gets packets from this bridge; added in routed mode too (transcript).
    if (!hairpin) e.put(add, 'insert', 'nat', DOCKER, rule({ in: br, target: RETURN }));
  }
  e.put(add && hairpin, 'insert', 'nat', 'POSTROUTING', rule({ out: br, matches: [{ m: 'addrtype', srcType: 'LOCAL' }], target: nat }));
  if (!n.icc) e.put(add, 'append', 'filter', FWD, rule({ in: br, out: br, target: DROP }));
  if (routed) e.put(add, 'append', 'filter', DOCKER, rule({ out: br, proto: 'icmp', target: ACCEPT }));
  e.put(add, 'append', 'filter', FWD, n.icc ? rule({ in: br, target: ACCEPT }) : rule({ in: br, out: br, outNeg: true, target: ACCEPT }));
  // setDefaultForwardRule: appended so that per-port ACCEPTs (inserted) stay above it.
  e.put(add, 'append', 'filter', DOCKER, rule({ in: br, inNeg: true, out: br, target: n.gatewayMode === 'nat-unprotected' ? ACCEPT : DROP }));
  e.put(add, 'append', 'filter', CT, rule({ out: br, matches: [RELATED_ESTABLISHED], target: ACCEPT }));
  e.put(add, 'append', 'filter', BRIDGE, rule({ out: br, target: jump(DOCKER) }));
  // setINC
  if (routed) {
    e.put(add, 'insert', 'filter', ISO1, rule({ out: br, target: RETURN }));
    e.put(add, 'insert', 'filter', ISO1, rule({ in: br, matches: [RELATED_ESTABLISHED], target: ACCEPT }));
  }
  e.put(add, 'append', 'filter', ISO1, rule({ in: br, out: br, outNeg: true, target: jump(ISO2) }));
  e.put(add, 'insert', 'filter', ISO2, rule({ out: br, target: DROP }));
}

/** A bridge network's rules (network creation; docker0 at daemon start). */
export function addNetwork(nf: Netfilter, net: FwNetwork, d: FwDaemon): Netfilter {
  return edit(nf, (e) => programNetwork(e, net, d, true));
}

export function removeNetwork(nf: Netfilter, net: FwNetwork, d: FwDaemon): Netfilter {
  return edit(nf, (e) => programNetwork(e, net, d, false));
}

/**
 * endpoint.go filterDirectAccess (28.2+): one raw-PREROUTING DROP per container address, made
 * when the endpoint is created, published ports or not — remote hosts cannot route to the
 * container directly. Not for internal, nat-unprotected or routed networks.
 */
function programEndpoint(e: Edit, n: FwNetwork, ip: string, add: boolean): void {
  if (n.internal || n.gatewayMode !== 'nat') return;
  e.put(add, 'append', 'raw', 'PREROUTING', rule({ dst: ip, in: n.bridge, inNeg: true, target: DROP }));
}

export function addEndpoint(nf: Netfilter, net: FwNetwork, containerIp: string, _d: FwDaemon): Netfilter {
  return edit(nf, (e) => programEndpoint(e, net, containerIp, true));
}

export function removeEndpoint(nf: Netfilter, net: FwNetwork, containerIp: string, _d: FwDaemon): Netfilter {
  return edit(nf, (e) => programEndpoint(e, net, containerIp, false));
}

/** port.go setPerPortIptables. */
function programPort(e: Edit, n: FwNetwork, p: FwPort, d: FwDaemon, add: boolean): void {
  // IPv6 host addresses are docker-proxy's business (no iptables rule for a v4 container).
  if (n.internal || isIpv6(p.hostIp)) return;
  const br = n.bridge;
  const hairpin = !d.userlandProxy;
  // Routed mode maps no host port (the bridge driver zeroes HostPort), so no NAT rules.
  const hostPort = n.gatewayMode === 'routed' ? 0 : p.hostPort;
  const specific = p.hostIp !== '0.0.0.0' && p.hostIp !== '';
  // filterPortMappedOnLoopback: remote hosts must not reach a port bound to 127.0.0.1.
  if (hostPort !== 0 && isLoopback4(p.hostIp)) {
    e.put(add, 'append', 'raw', 'PREROUTING', rule({ dst: p.hostIp, in: 'lo', inNeg: true, proto: p.proto, matches: [port(p.proto, { dport: hostPort })], target: DROP }));
  }
  if (hostPort !== 0) {
    // setPerPortNAT: 0.0.0.0 is written "-d 0/0", which iptables stores as no -d at all.
    e.put(add, 'append', 'nat', DOCKER, rule({
      ...(specific ? { dst: p.hostIp } : {}),
      ...(hairpin ? {} : { in: br, inNeg: true }),
      proto: p.proto,
      matches: [port(p.proto, { dport: hostPort })],
      target: { t: 'DNAT', to: `${p.containerIp}:${p.containerPort}` },
    }));
    // Only without the proxy: the container reaching its own published port (hairpin NAT).
    e.put(add && hairpin, 'append', 'nat', 'POSTROUTING', rule({ src: p.containerIp, dst: p.containerIp, proto: p.proto, matches: [port(p.proto, { dport: p.containerPort })], target: { t: 'MASQUERADE' } }));
  }
  // setPerPortForwarding: inserted at the top of filter DOCKER, above every network's DROP.
  if (n.gatewayMode !== 'nat-unprotected') {
    e.put(add, 'insert', 'filter', DOCKER, rule({ dst: p.containerIp, in: br, inNeg: true, out: br, proto: p.proto, matches: [port(p.proto, { dport: p.containerPort })], target: ACCEPT }));
  }
}

export function addPort(nf: Netfilter, net: FwNetwork, p: FwPort, d: FwDaemon): Netfilter {
  return edit(nf, (e) => programPort(e, net, p, d, true));
}

export function removePort(nf: Netfilter, net: FwNetwork, p: FwPort, d: FwDaemon): Netfilter {
  return edit(nf, (e) => programPort(e, net, p, d, false));
}

/** Container start on a network: the endpoint's raw rule, then each published port. */
export function addContainer(nf: Netfilter, net: FwNetwork, c: FwContainer, d: FwDaemon): Netfilter {
  const e = new Edit(nf);
  programEndpoint(e, net, c.ip, true);
  for (const p of c.ports) programPort(e, net, p, d, true);
  return e.nf;
}

export function removeContainer(nf: Netfilter, net: FwNetwork, c: FwContainer, d: FwDaemon): Netfilter {
  const e = new Edit(nf);
  for (const p of [...c.ports].reverse()) programPort(e, net, p, d, false);
  programEndpoint(e, net, c.ip, false);
  return e.nf;
}

/**
 * Legacy links (link.go AddLink → iptables.ChainInfo.Link, appended to filter DOCKER): per
 * exposed port, parent → child `--dport` and the reply child → parent `--sport`. The bridge
 * driver only calls it when ICC is off (bridge_linux.go link(), guarded by !EnableICC).
 */
function programLink(e: Edit, n: FwNetwork, l: FwLink, add: boolean): void {
  if (n.icc) return;
  const br = n.bridge;
  for (const p of l.ports) {
    e.put(add, 'append', 'filter', DOCKER, rule({ src: l.parentIp, dst: l.childIp, in: br, out: br, proto: p.proto, matches: [port(p.proto, { dport: p.port })], target: ACCEPT }));
    e.put(add, 'append', 'filter', DOCKER, rule({ src: l.childIp, dst: l.parentIp, in: br, out: br, proto: p.proto, matches: [port(p.proto, { sport: p.port })], target: ACCEPT }));
  }
}

export function addLink(nf: Netfilter, net: FwNetwork, link: FwLink, _d: FwDaemon): Netfilter {
  return edit(nf, (e) => programLink(e, net, link, true));
}

export function removeLink(nf: Netfilter, net: FwNetwork, link: FwLink, _d: FwDaemon): Netfilter {
  return edit(nf, (e) => programLink(e, net, link, false));
}
