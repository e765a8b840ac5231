import type { Map as IMap } from 'immutable';
import type { ContainerId, EndpointId, IfaceId, NetnsId, NetworkId } from './ids';
import type { Iface, Netns, Process } from './net/types';
import type { Container, DaemonConfig, Endpoint, Network } from './docker/types';
import type { RngState } from './rng';

/**
 * The whole simulated machine as one immutable value. Collections are persistent maps
 * (immutable.js) so an operation costs the same with 10 containers or 3,000: nothing is copied
 * but the path to what changed. `serialize.ts` turns a World into JSON and back.
 */
export interface World {
  readonly version: 1;
  readonly seed: number;
  readonly rng: RngState;
  /** Logical clock, milliseconds since the Unix epoch. Advanced by the CLI per command line. */
  readonly clock: number;
  /** Monotonic counter for creation order. */
  readonly seq: number;
  readonly nextPid: number;
  readonly host: HostInfo;
  readonly netns: IMap<NetnsId, Netns>;
  readonly ifaces: IMap<IfaceId, Iface>;
  readonly processes: IMap<number, Process>;
  readonly docker: DockerState;
}

/** Values that are the lab's design, not Docker's: the host and its surroundings. */
export interface HostInfo {
  readonly hostname: string;
  readonly lanIp: string;
  readonly lanPrefix: number;
  readonly routerIp: string;
  readonly laptopIp: string;
  readonly dnsServer: string;
  /** Public address the router masquerades to. */
  readonly publicIp: string;
  /** Named hosts on the internet: name → address. */
  readonly internet: Readonly<Record<string, string>>;
}

export interface DockerState {
  readonly config: DaemonConfig;
  /** daemon.json as the user wrote it (applied on `systemctl restart docker`). */
  readonly daemonJson: string;
  readonly networks: IMap<NetworkId, Network>;
  readonly networkNames: IMap<string, NetworkId>;
  readonly containers: IMap<ContainerId, Container>;
  readonly containerNames: IMap<string, ContainerId>;
  readonly endpoints: IMap<EndpointId, Endpoint>;
  /** Images present locally: 'nginx:latest' → pulled-at clock. */
  readonly images: IMap<string, number>;
  /** Host ports in use: '<proto>/<port>' → the addresses bound and by whom (libnetwork's portallocator). */
  readonly portsInUse: IMap<string, readonly { readonly ip: string; readonly container: ContainerId }[]>;
  readonly dockerdPid: number;
  /** Round-robin cursor of the ephemeral port allocator (last port handed out). */
  readonly portCursor: number;
}
