import { Map as IMap } from 'immutable';
import type { EndpointId, NetworkId } from '../ids';
import * as fw from '../netfilter/docker';
import type { Tx } from '../tx';
import { rfc3339Nano } from './clock';
import { createBridge, OPT_BRIDGE_NAME, OPT_ICC, OPT_MASQ, OPT_MTU } from './drivers/bridge';
import { fwDaemon, setHostNf } from './firewall';
import { emptyAllocation, reserve } from './ipam';
import type { DaemonConfig, Network } from './types';

export const DEFAULT_DAEMON_CONFIG: DaemonConfig = {
  userlandProxy: true,
  icc: true,
  ipMasq: true,
  iptables: true,
  // The lab's host boots with net.ipv4.ip_forward=0 (Debian's default), so creating docker0
  // switches it on and sets the FORWARD policy to DROP (drivers/bridge.ts setupIPv4Forwarding).
  ipForward: true,
  ipForwardNoDrop: false,
};

export function newNetworkId(tx: Tx): NetworkId {
  return tx.rng.hex(64) as NetworkId;
}

export function createdNow(tx: Tx): string {
  return rfc3339Nano(tx.world.clock, tx.rng.below(1_000_000));
}

function baseNetwork(tx: Tx, name: string, driver: Network['driver']): Network {
  return {
    id: newNetworkId(tx),
    name,
    driver,
    created: createdNow(tx),
    internal: false,
    attachable: false,
    // libnetwork NewNetwork defaults enableIPv4 to true for every driver, host and null included
    // (moby v28.5.2 libnetwork/controller.go l.546), so `docker network inspect host` says true.
    enableIPv4: true,
    enableIPv6: false,
    ipamDriver: 'default',
    ipamOptions: null,
    ipam: [],
    options: {},
    labels: {},
    endpoints: [] as EndpointId[],
    allocated: emptyAllocation(),
    freeHint: 0,
  };
}

/**
 * What dockerd does when it starts on a fresh host: the iptables chains, the three predefined
 * networks, docker0 with 172.17.0.0/16 (daemon_unix.go initBridgeDriver, reference §1.1).
 */
export function startDaemon(tx: Tx): void {
  const cfg = tx.world.docker.config;
  setHostNf(tx, (nf) => fw.setupDaemon(nf, fwDaemon(tx.world)));
  const none = { ...baseNetwork(tx, 'none', 'null') };
  const host = { ...baseNetwork(tx, 'host', 'host') };
  let bridge: Network = {
    ...baseNetwork(tx, 'bridge', 'bridge'),
    ipam: [{ subnet: '172.17.0.0/16', gateway: '172.17.0.1' }],
    options: {
      'com.docker.network.bridge.default_bridge': 'true',
      [OPT_ICC]: String(cfg.icc),
      [OPT_MASQ]: String(cfg.ipMasq),
      'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
      [OPT_BRIDGE_NAME]: 'docker0',
      [OPT_MTU]: '1500',
    },
  };
  bridge = reserve(bridge, '172.17.0.1', 'gateway');
  const br = createBridge(tx, bridge);
  bridge = { ...bridge, bridge: br };
  // Default-network ids are stable across daemon restarts (stored in libnetwork's local store).
  tx.updateDocker((d) => ({
    ...d,
    networks: d.networks.set(bridge.id, bridge).set(host.id, host).set(none.id, none),
    networkNames: d.networkNames.set('bridge', bridge.id).set('host', host.id).set('none', none.id),
  }));
}

export function emptyDocker(config: DaemonConfig) {
  return {
    config,
    daemonJson: '',
    networks: IMap<NetworkId, Network>(),
    networkNames: IMap<string, NetworkId>(),
    containers: IMap(),
    containerNames: IMap(),
    endpoints: IMap(),
    images: IMap<string, number>(),
    portsInUse: IMap(),
    portCursor: 0,
    dockerdPid: 0,
  } as const;
}
