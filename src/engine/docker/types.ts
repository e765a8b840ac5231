import type { Map as IMap } from 'immutable';
import type { ContainerId, EndpointId, IfaceId, NetnsId, NetworkId } from '../ids';

/** Daemon settings a user changes through /etc/docker/daemon.json and a restart. */
export interface DaemonConfig {
  readonly userlandProxy: boolean;
  readonly icc: boolean;
  readonly ipMasq: boolean;
  readonly iptables: boolean;
  /** dockerd --ip-forward (daemon.json "ip-forward"): switch net.ipv4.ip_forward on when a bridge network is made. */
  readonly ipForward: boolean;
  /** dockerd --ip-forward-no-drop (28.0+): do not set the FORWARD policy to DROP when doing so. */
  readonly ipForwardNoDrop: boolean;
}

export interface IpamConfig {
  readonly subnet: string; // CIDR
  readonly ipRange?: string;
  readonly gateway?: string;
  /**
   * The daemon chose the gateway for a subnet the user gave: it is used, but `network inspect`
   * shows the user's config without it (docker/for-linux#568).
   */
  readonly gatewayImplicit?: true;
  /** The daemon picked the subnet from its default pools (no --subnet): `--ip` is refused there. */
  readonly auto?: true;
  readonly auxAddresses?: Readonly<Record<string, string>>;
}

export interface Network {
  readonly id: NetworkId;
  readonly name: string;
  readonly driver: 'bridge' | 'host' | 'null';
  /** RFC3339Nano in UTC. */
  readonly created: string;
  readonly internal: boolean;
  readonly attachable: boolean;
  readonly enableIPv4: boolean;
  readonly enableIPv6: boolean;
  readonly ipamDriver: 'default';
  /** null for the default bridge (`"Options": null`), {} for networks the CLI created. */
  readonly ipamOptions: Readonly<Record<string, string>> | null;
  readonly ipam: readonly IpamConfig[];
  /** Driver options as `docker network inspect` shows them. */
  readonly options: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
  /** The Linux bridge (bridge driver only). */
  readonly bridge?: IfaceId;
  /** Endpoints in attach order. */
  readonly endpoints: readonly EndpointId[];
  /**
   * Addresses handed out on this network, as 32-bit numbers → owner ('gateway', 'aux:<name>',
   * or an endpoint id). A persistent map: allocation costs the same at 3 or 3,000 containers.
   */
  readonly allocated: IMap<number, string>;
  /** Lowest address that may be free (allocation scans up from here; a release lowers it). */
  readonly freeHint: number;
}

export interface Endpoint {
  readonly id: EndpointId;
  readonly networkId: NetworkId;
  readonly containerId: ContainerId;
  /** Empty for host and none networks. */
  readonly ip: string;
  readonly prefix: number;
  readonly gateway: string;
  readonly mac: string;
  /** Host-side veth and the container-side interface (bridge driver only). */
  readonly hostVeth?: IfaceId;
  readonly containerIface?: IfaceId;
  readonly aliases: readonly string[] | null;
  readonly links: readonly string[] | null;
  readonly dnsNames: readonly string[] | null;
  readonly ipamConfig: { readonly ipv4Address?: string } | null;
}

export interface PortSpec {
  readonly port: number;
  readonly proto: 'tcp' | 'udp';
}

/** One `-p` binding as requested (HostConfig.PortBindings). hostPort '' means "pick one". */
export interface PortBindingRequest {
  readonly containerPort: number;
  readonly proto: 'tcp' | 'udp';
  readonly hostIp: string;
  readonly hostPort: string; // '', '8080' or a range '8000-9000'
}

/** A binding the daemon made at start (NetworkSettings.Ports). */
export interface PortBinding {
  readonly containerPort: number;
  readonly proto: 'tcp' | 'udp';
  readonly hostIp: string; // '0.0.0.0', '::', '127.0.0.1'
  readonly hostPort: number;
  /** The docker-proxy process serving it, when the userland proxy is on. */
  readonly proxyPid?: number;
}

export interface LegacyLink {
  /** Source (linked-to) container. */
  readonly target: ContainerId;
  readonly alias: string;
}

export type ContainerState = 'created' | 'running' | 'exited';

/** What the user asked for on `docker network connect` / `--network`, per network. */
export interface NetworkAttachment {
  /** '' while the network named at create time does not exist (it is looked up again at start). */
  readonly networkId: NetworkId;
  /** The name given to `docker create/run --network` for a network not found then. */
  readonly pendingName?: string;
  readonly endpointId?: EndpointId; // present while connected (running or statically configured)
  readonly ipv4Address?: string; // --ip
  readonly aliases: readonly string[];
  readonly links: readonly string[]; // network-scoped links on user networks ("target:alias")
  readonly macAddress?: string;
}

export interface Container {
  readonly id: ContainerId;
  /** Without Docker's leading '/'. */
  readonly name: string;
  readonly image: string; // as typed, normalised: 'nginx', 'nginx:1.27', 'alpine'
  readonly imageId: string;
  readonly cmd: readonly string[];
  readonly entrypoint: readonly string[];
  readonly created: number; // logical clock, ms
  /** Sequence number: `docker ps` lists newest first. */
  readonly seq: number;
  readonly state: ContainerState;
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly exitCode: number;
  readonly pid: number; // 0 when not running
  readonly hostname: string;
  readonly domainname: string;
  readonly env: readonly string[];
  /** HostConfig.NetworkMode: 'bridge', 'host', 'none', 'container:<64hex>' or a network name. */
  readonly networkMode: string;
  readonly networks: readonly NetworkAttachment[];
  readonly exposed: readonly PortSpec[];
  readonly portBindings: readonly PortBindingRequest[];
  readonly publishAll: boolean;
  /** Bindings actually made while running. */
  readonly ports: readonly PortBinding[];
  /** While running: the endpoint holding the default route and the published ports (gateway.ts). */
  readonly gatewayEndpoint?: EndpointId;
  /** Resolved legacy links (set at start). */
  readonly links: readonly LegacyLink[];
  /** `--link` values as given (HostConfig.Links before resolution). */
  readonly linkSpecs: readonly string[];
  /** Environment the links injected at start (links.go ToEnv). */
  readonly linkEnv?: readonly string[];
  readonly autoRemove: boolean;
  readonly tty: boolean;
  readonly openStdin: boolean;
  readonly macAddress?: string;
  /** The namespace the container's processes run in (host's for host mode, donor's for container:). */
  readonly netns?: NetnsId;
  readonly sandboxId: string;
  readonly restartCount: number;
  /** What the container printed (docker logs), one entry per line. */
  readonly logs: readonly string[];
  /**
   * The main process handles SIGTERM (the images' servers): `docker stop` ends it with 0. A shell
   * or `sleep` running as PID 1 ignores it and is killed after the timeout (137).
   */
  readonly stopsOnSigterm?: boolean;
  /** HostConfig.CapAdd as the CLI sends it (normalised CAP_ names, sorted) and HostConfig.Privileged. */
  readonly capAdd?: readonly string[];
  readonly privileged?: boolean;
  /** HostConfig.Dns / ExtraHosts as given (--dns, --add-host); absent when none. */
  readonly dns?: readonly string[];
  /** HostConfig.DnsSearch / DnsOptions (--dns-search, --dns-option); absent when none. */
  readonly dnsSearch?: readonly string[];
  readonly dnsOptions?: readonly string[];
  readonly extraHosts?: readonly string[];
  /** Config.Labels given with --label (the image's labels are merged in by inspect). */
  readonly labels?: Readonly<Record<string, string>>;
}
