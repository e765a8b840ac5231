import type { IfaceId, NetnsId } from '../../ids';
import { HOST_NS } from '../../ids';
import { parseCidr } from '../../net/ipv4';
import { addAddr, addLink, addVeth, delLink, randomMac, renameLink, setMaster } from '../../net/ops';
import * as fw from '../../netfilter/docker';
import type { FwNetwork } from '../../netfilter/docker';
import type { Tx } from '../../tx';
import type { Network } from '../types';
import { fwDaemon, setHostNf } from '../firewall';
import { OPT_BRIDGE_NAME, OPT_GW_MODE, OPT_HOST_IPV4, OPT_ICC, OPT_MASQ, OPT_MTU, parseGoBool } from './bridgeOptions';

export { OPT_BRIDGE_NAME, OPT_GW_MODE, OPT_HOST_IPV4, OPT_ICC, OPT_MASQ, OPT_MTU } from './bridgeOptions';

/**
 * The bridge driver (libnetwork/drivers/bridge): a Linux bridge per network with the gateway
 * address on it, a veth pair per endpoint, and the iptables rules of the network.
 */

export function bridgeName(net: Network): string {
  return net.options[OPT_BRIDGE_NAME] ?? `br-${net.id.slice(0, 12)}`;
}

/** An MTU of 0 (or none) leaves the kernel's default, 1500. */
export function networkMtu(net: Network): number {
  const v = Number(net.options[OPT_MTU] ?? '1500');
  return Number.isInteger(v) && v > 0 ? v : 1500;
}

export function fwNetwork(net: Network): FwNetwork {
  const mode = net.options[OPT_GW_MODE];
  const hostIpv4 = net.options[OPT_HOST_IPV4];
  return {
    bridge: bridgeName(net),
    subnet: net.ipam[0]?.subnet ?? '',
    icc: parseGoBool(net.options[OPT_ICC] ?? 'true') !== false,
    masquerade: parseGoBool(net.options[OPT_MASQ] ?? 'true') !== false,
    internal: net.internal,
    gatewayMode: mode === 'routed' || mode === 'nat-unprotected' ? mode : 'nat',
    ...(hostIpv4 ? { hostIpv4 } : {}),
  };
}

/**
 * setup_ip_forwarding.go setupIPv4Forwarding, a step of every bridge network's creation (docker0
 * at daemon start included, and again for each network a restarted daemon restores): if
 * net.ipv4.ip_forward is 0, write 1 and — only then — set the FORWARD policy to DROP, unless
 * `ip-forward-no-drop` is set or iptables is off. A host that already forwards keeps its policy.
 */
export function setupIPv4Forwarding(tx: Tx): void {
  const cfg = tx.world.docker.config;
  if (!cfg.ipForward || tx.netns(HOST_NS).forwarding) return;
  tx.updateNetns(HOST_NS, (n) => ({ ...n, forwarding: true }));
  if (cfg.iptables && !cfg.ipForwardNoDrop) setHostNf(tx, (nf) => fw.filterForwardDrop(nf));
}

/** The network-level setup that a daemon restart repeats for every bridge network it keeps. */
export function programBridgeNetwork(tx: Tx, net: Network): void {
  setupIPv4Forwarding(tx);
  setHostNf(tx, (nf) => fw.addNetwork(nf, fwNetwork(net), fwDaemon(tx.world)));
}

/** Creates the Linux bridge, puts the gateway address on it and programs the network's rules. */
export function createBridge(tx: Tx, net: Network): IfaceId {
  const br = addLink(tx, HOST_NS, { name: bridgeName(net), kind: 'bridge', mac: randomMac(tx.rng), mtu: networkMtu(net) });
  const cfg = net.ipam[0];
  const subnet = cfg ? parseCidr(cfg.subnet) : null;
  // Internal networks get the gateway address on the bridge too; only the rules differ.
  if (cfg?.gateway && subnet) addAddr(tx, br, { ip: cfg.gateway, prefix: subnet.bits, scope: 'global' });
  programBridgeNetwork(tx, net);
  return br;
}

export function deleteBridge(tx: Tx, net: Network): void {
  setHostNf(tx, (nf) => fw.removeNetwork(nf, fwNetwork(net), fwDaemon(tx.world)));
  if (net.bridge) delLink(tx, net.bridge);
}

/**
 * Joins an endpoint: veth pair with the host end on the bridge and the container end, created
 * inside the sandbox as vethXXXXXXX, renamed eth<N>, given its address. The default route is the
 * sandbox's business (gateway.ts settleGateway).
 */
export function joinBridge(
  tx: Tx,
  net: Network,
  sandbox: NetnsId,
  ifName: string,
  ip: string,
  mac: string,
): { hostVeth: IfaceId; containerIface: IfaceId } {
  if (!net.bridge) throw new Error('bug: bridge network without bridge');
  const hostName = uniqueVethName(tx);
  const tmpName = uniqueVethName(tx);
  const { host, peer } = addVeth(tx, HOST_NS, hostName, sandbox, tmpName, networkMtu(net), mac);
  // The host end gets an IPv6 link-local when it comes up; the container end of an IPv4-only
  // network has IPv6 disabled (Docker ≥ 26.1, osl/interface_linux.go setIPv6).
  tx.updateIface(host, (i) => ({ ...i, ipv6: true }));
  setMaster(tx, host, net.bridge);
  renameLink(tx, peer, ifName);
  const subnet = parseCidr(net.ipam[0]?.subnet ?? '');
  if (subnet && ip) addAddr(tx, peer, { ip, prefix: subnet.bits, scope: 'global' });
  return { hostVeth: host, containerIface: peer };
}

/** Leaving deletes the host end; the kernel deletes the peer with it. */
export function leaveBridge(tx: Tx, hostVeth: IfaceId | undefined): void {
  if (hostVeth) delLink(tx, hostVeth);
}

/** netutils.GenerateIfaceName: "veth" + 7 random hex characters, retried on a clash. */
function uniqueVethName(tx: Tx): string {
  for (;;) {
    const name = `veth${tx.rng.hex(7)}`;
    if (!tx.netns(HOST_NS).byName.has(name)) return name;
  }
}

