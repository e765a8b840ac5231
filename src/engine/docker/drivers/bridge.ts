import type { IfaceId, NetnsId } from '../../ids';
import { HOST_NS } from '../../ids';
import { parseCidr } from '../../net/ipv4';
import { addAddr, addLink, addRoute, addVeth, delLink, randomMac, renameLink, setMaster } from '../../net/ops';
import * as fw from '../../netfilter/docker';
import type { FwNetwork } from '../../netfilter/docker';
import type { Tx } from '../../tx';
import type { Network } from '../types';
import { fwDaemon, setHostNf } from '../firewall';

/**
 * The bridge driver (libnetwork/drivers/bridge): a Linux bridge per network with the gateway
 * address on it, a veth pair per endpoint, and the iptables rules of the network.
 */

export const OPT_BRIDGE_NAME = 'com.docker.network.bridge.name';
export const OPT_ICC = 'com.docker.network.bridge.enable_icc';
export const OPT_MASQ = 'com.docker.network.bridge.enable_ip_masquerade';
export const OPT_MTU = 'com.docker.network.driver.mtu';
export const OPT_GW_MODE = 'com.docker.network.bridge.gateway_mode_ipv4';
export const OPT_HOST_IPV4 = 'com.docker.network.host_ipv4';

export function bridgeName(net: Network): string {
  return net.options[OPT_BRIDGE_NAME] ?? `br-${net.id.slice(0, 12)}`;
}

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
    icc: net.options[OPT_ICC] !== 'false',
    masquerade: net.options[OPT_MASQ] !== 'false',
    internal: net.internal,
    gatewayMode: mode === 'routed' || mode === 'nat-unprotected' ? mode : 'nat',
    ...(hostIpv4 ? { hostIpv4 } : {}),
  };
}

/** Creates the Linux bridge, puts the gateway address on it and programs the network's rules. */
export function createBridge(tx: Tx, net: Network): IfaceId {
  const br = addLink(tx, HOST_NS, { name: bridgeName(net), kind: 'bridge', mac: randomMac(tx.rng), mtu: networkMtu(net) });
  const cfg = net.ipam[0];
  const subnet = cfg ? parseCidr(cfg.subnet) : null;
  // Internal networks get the gateway address on the bridge too; only the rules differ.
  if (cfg?.gateway && subnet) addAddr(tx, br, { ip: cfg.gateway, prefix: subnet.bits, scope: 'global' });
  setHostNf(tx, (nf) => fw.addNetwork(nf, fwNetwork(net), fwDaemon(tx.world)));
  return br;
}

export function deleteBridge(tx: Tx, net: Network): void {
  setHostNf(tx, (nf) => fw.removeNetwork(nf, fwNetwork(net), fwDaemon(tx.world)));
  if (net.bridge) delLink(tx, net.bridge);
}

/**
 * Joins an endpoint: veth pair with the host end on the bridge and the container end, created
 * inside the sandbox as vethXXXXXXX, renamed eth<N>, given its address and, for the first
 * network, the default route via the gateway.
 */
export function joinBridge(
  tx: Tx,
  net: Network,
  sandbox: NetnsId,
  ifName: string,
  ip: string,
  mac: string,
  isGatewayEndpoint: boolean,
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
  const gw = net.ipam[0]?.gateway;
  if (isGatewayEndpoint && gw && !net.internal) {
    addRoute(tx, sandbox, { dst: 'default', via: gw, dev: peer, proto: 'boot', scope: 'global' });
  }
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

