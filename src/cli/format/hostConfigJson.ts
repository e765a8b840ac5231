/**
 * `HostConfig` of `docker inspect CONTAINER` for a container the docker CLI 28.5 created on a
 * default Engine 28.5 daemon (cgroup v2 host, AppArmor on, no daemon.json tuning). Field order is
 * moby v28.5.2 api/types/container/hostconfig.go `HostConfig` with the embedded `Resources`
 * flattened in place. Values come from three places, each checked in source:
 * - what the CLI sends (docker/cli v28.5.2 cli/command/container/opts.go `parse`): `Dns`,
 *   `DnsOptions`, `DnsSearch` never nil (`GetAllOrEmpty` → `[]`); the blkio throttle lists and
 *   `Devices` start as empty slices (`[]`); `Ulimits` is `make(…, 0)` (`[]`); list options such as
 *   `ExtraHosts`, `VolumesFrom` are nil (`null`); `Tmpfs`, `Sysctls`, `Mounts`,
 *   `Annotations`, `StorageOpt` are omitempty and empty, so absent;
 * - what the daemon fills in at create (daemon/create.go, daemon_unix.go `adaptContainerSettings`,
 *   `verifyPlatformContainerResources`, create_unix.go): `LogConfig` json-file with `{}`,
 *   RestartPolicy "no", `ShmSize` 64 MiB, `IpcMode` "private", `CgroupnsMode` "private" (cgroup
 *   v2), `MemorySwappiness` nil (-1 is normalised away), `OomKillDisable` false (verify drops it
 *   on cgroup v2, adapt sets the default false), `PidsLimit` nil (≤ 0 is cleared by the API
 *   router), `Runtime` "runc", `MaskedPaths` / `ReadonlyPaths` = oci.DefaultSpec() lists;
 * - what inspect rewrites (daemon/inspect.go `getInspectData`): `Links` as
 *   "/child:/parent/alias" from the link index.
 * Approximate: `ConsoleSize` is [0, 0] (with -t the CLI sends the terminal's height and width,
 * which the simulator does not know); the masked-paths list omits the per-CPU
 * `/sys/devices/system/cpu/cpuN/thermal_throttle` entries (added only if present on the host).
 */
import type { World } from '../../engine/world';
import type { Container } from '../../engine/docker/types';
import { findContainer, findNetwork } from '../../engine/docker/lookup';
import type { JsonValue } from './goJson';

export const MASKED_PATHS = [
  '/proc/asound', '/proc/acpi', '/proc/interrupts', '/proc/kcore', '/proc/keys', '/proc/latency_stats',
  '/proc/timer_list', '/proc/timer_stats', '/proc/sched_debug', '/proc/scsi', '/sys/firmware',
  '/sys/devices/virtual/powercap',
];
export const READONLY_PATHS = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'];

/** nat.PortMap of the requested bindings: "80/tcp" → [{HostIp, HostPort}], keys sorted. */
export function portBindingsJson(c: Container): { [k: string]: JsonValue } {
  const m = new Map<string, { HostIp: string; HostPort: string }[]>();
  for (const b of c.portBindings) {
    const k = `${b.containerPort}/${b.proto}`;
    const list = m.get(k) ?? [];
    list.push({ HostIp: b.hostIp, HostPort: b.hostPort });
    m.set(k, list);
  }
  const out: { [k: string]: JsonValue } = {};
  for (const k of [...m.keys()].sort()) out[k] = m.get(k) ?? [];
  return out;
}

/**
 * HostConfig.NetworkMode as stored: `default` became `bridge` in the API router
 * (container_routes.go), a partial network ID is replaced by the full ID at start
 * (container_operations.go `normalizeNetMode`), `container:<name>` by `container:<full id>`
 * (daemon_unix.go `adaptSharedNamespaceContainer`; the engine stores the id already).
 */
export function networkModeOf(w: World, c: Container): string {
  const mode = c.networkMode;
  if (mode === 'bridge' || mode === 'host' || mode === 'none' || mode.startsWith('container:')) return mode;
  const found = findNetwork(w, mode);
  if (found.ok && mode !== found.net.name && mode !== found.net.id) return found.net.id;
  return mode;
}

/** Legacy links as getInspectData prints them: `/<child name>:/<this name>/<alias>`. */
export function legacyLinksJson(w: World, c: Container): string[] | null {
  const out: string[] = [];
  for (const spec of c.linkSpecs) {
    const [target = '', alias] = spec.split(':');
    const child = findContainer(w, target);
    if (!child) continue;
    out.push(`/${child.name}:/${c.name}/${alias ?? child.name}`);
  }
  return out.length ? out : null;
}

const orEmpty = (v: readonly string[] | undefined): string[] => [...(v ?? [])];
const orNull = (v: readonly string[] | undefined): string[] | null => (v && v.length ? [...v] : null);

export function hostConfigJson(w: World, c: Container): { [k: string]: JsonValue } {
  return {
    Binds: null,
    ContainerIDFile: '',
    LogConfig: { Type: 'json-file', Config: {} },
    NetworkMode: networkModeOf(w, c),
    PortBindings: portBindingsJson(c),
    RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
    AutoRemove: c.autoRemove,
    VolumeDriver: '',
    VolumesFrom: null,
    ConsoleSize: [0, 0],
    CapAdd: c.capAdd?.length ? [...c.capAdd] : null,
    CapDrop: null,
    CgroupnsMode: 'private',
    Dns: orEmpty(c.dns),
    DnsOptions: orEmpty(c.dnsOptions),
    DnsSearch: orEmpty(c.dnsSearch),
    ExtraHosts: orNull(c.extraHosts),
    GroupAdd: null,
    IpcMode: 'private',
    Cgroup: '',
    Links: legacyLinksJson(w, c),
    OomScoreAdj: 0,
    PidMode: '',
    Privileged: c.privileged === true,
    PublishAllPorts: c.publishAll,
    ReadonlyRootfs: false,
    SecurityOpt: null,
    UTSMode: '',
    UsernsMode: '',
    ShmSize: 67108864,
    Runtime: 'runc',
    Isolation: '',
    CpuShares: 0,
    Memory: 0,
    NanoCpus: 0,
    CgroupParent: '',
    BlkioWeight: 0,
    BlkioWeightDevice: [],
    BlkioDeviceReadBps: [],
    BlkioDeviceWriteBps: [],
    BlkioDeviceReadIOps: [],
    BlkioDeviceWriteIOps: [],
    CpuPeriod: 0,
    CpuQuota: 0,
    CpuRealtimePeriod: 0,
    CpuRealtimeRuntime: 0,
    CpusetCpus: '',
    CpusetMems: '',
    Devices: [],
    DeviceCgroupRules: null,
    DeviceRequests: null,
    MemoryReservation: 0,
    MemorySwap: 0,
    MemorySwappiness: null,
    OomKillDisable: false,
    PidsLimit: null,
    Ulimits: [],
    CpuCount: 0,
    CpuPercent: 0,
    IOMaximumIOps: 0,
    IOMaximumBandwidth: 0,
    MaskedPaths: [...MASKED_PATHS],
    ReadonlyPaths: [...READONLY_PATHS],
  };
}
