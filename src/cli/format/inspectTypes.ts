/**
 * Go types of the inspect objects, for `-f` templates (gotemplate-fmt.ts `GoHint`): what makes
 * `{{.Config.Labels}}` print `map[k:v]`, `{{.HostConfig.Links}}` print `[]` when nil, and
 * `{{.Created}}` of a network print time.Time's String. Types from moby v28.5.2
 * api/types/container (InspectResponse, HostConfig, Config, NetworkSettings),
 * api/types/network (Inspect, EndpointSettings) and go-connections/nat (PortMap, PortSet).
 */
import type { GoHint } from './gotemplate';
import type { TemplateOptions } from './gotemplate';

const S = (name: string, pointer = false): GoHint => ({ kind: 'struct', name, pointer });
const M = (name = 'map[string]string'): GoHint => ({ kind: 'map', name });
const L = (name = '[]string'): GoHint => ({ kind: 'slice', name });
const PORTMAP: Record<string, GoHint> = { '': M('nat.PortMap'), '*': L('[]nat.PortBinding'), '*[]': S('nat.PortBinding') };

function table(entries: Record<string, GoHint>, prefixed: Record<string, Record<string, GoHint>>): Map<string, GoHint> {
  const m = new Map<string, GoHint>(Object.entries(entries));
  for (const [prefix, sub] of Object.entries(prefixed)) {
    for (const [k, v] of Object.entries(sub)) m.set(k === '' ? prefix : k.startsWith('[') ? `${prefix}${k}` : `${prefix}.${k}`, v);
  }
  return m;
}

const CONTAINER = table(
  {
    Args: L(),
    State: S('container.State', true),
    ExecIDs: L(),
    HostConfig: S('container.HostConfig', true),
    'HostConfig.LogConfig': S('container.LogConfig'),
    'HostConfig.LogConfig.Config': M(),
    'HostConfig.RestartPolicy': S('container.RestartPolicy'),
    'HostConfig.Binds': L(),
    'HostConfig.VolumesFrom': L(),
    'HostConfig.ConsoleSize': L('[2]uint'),
    'HostConfig.CapAdd': L('strslice.StrSlice'),
    'HostConfig.CapDrop': L('strslice.StrSlice'),
    'HostConfig.Dns': L(),
    'HostConfig.DnsOptions': L(),
    'HostConfig.DnsSearch': L(),
    'HostConfig.ExtraHosts': L(),
    'HostConfig.GroupAdd': L(),
    'HostConfig.Links': L(),
    'HostConfig.SecurityOpt': L(),
    'HostConfig.BlkioWeightDevice': L('[]*blkiodev.WeightDevice'),
    'HostConfig.BlkioDeviceReadBps': L('[]*blkiodev.ThrottleDevice'),
    'HostConfig.BlkioDeviceWriteBps': L('[]*blkiodev.ThrottleDevice'),
    'HostConfig.BlkioDeviceReadIOps': L('[]*blkiodev.ThrottleDevice'),
    'HostConfig.BlkioDeviceWriteIOps': L('[]*blkiodev.ThrottleDevice'),
    'HostConfig.Devices': L('[]container.DeviceMapping'),
    'HostConfig.DeviceCgroupRules': L(),
    'HostConfig.DeviceRequests': L('[]container.DeviceRequest'),
    'HostConfig.MemorySwappiness': { kind: 'int', name: 'int64', pointer: true },
    'HostConfig.OomKillDisable': { kind: 'bool', name: 'bool', pointer: true },
    'HostConfig.PidsLimit': { kind: 'int', name: 'int64', pointer: true },
    'HostConfig.Ulimits': L('[]*container.Ulimit'),
    'HostConfig.MaskedPaths': L(),
    'HostConfig.ReadonlyPaths': L(),
    GraphDriver: S('storage.DriverData'),
    'GraphDriver.Data': M(),
    Mounts: L('[]container.MountPoint'),
    'Mounts[]': S('container.MountPoint'),
    Config: S('container.Config', true),
    'Config.ExposedPorts': M('nat.PortSet'),
    'Config.ExposedPorts.*': S('struct {}'),
    'Config.Env': L(),
    'Config.Cmd': L('strslice.StrSlice'),
    'Config.Entrypoint': L('strslice.StrSlice'),
    'Config.Volumes': M('map[string]struct {}'),
    'Config.OnBuild': L(),
    'Config.Labels': M(),
    NetworkSettings: S('container.NetworkSettings', true),
    'NetworkSettings.SecondaryIPAddresses': L('[]network.Address'),
    'NetworkSettings.SecondaryIPv6Addresses': L('[]network.Address'),
    'NetworkSettings.Networks': M('map[string]*network.EndpointSettings'),
    'NetworkSettings.Networks.*': S('network.EndpointSettings', true),
    'NetworkSettings.Networks.*.IPAMConfig': S('network.EndpointIPAMConfig', true),
    'NetworkSettings.Networks.*.Links': L(),
    'NetworkSettings.Networks.*.Aliases': L(),
    'NetworkSettings.Networks.*.DriverOpts': M(),
    'NetworkSettings.Networks.*.DNSNames': L(),
  },
  { 'HostConfig.PortBindings': PORTMAP, 'NetworkSettings.Ports': PORTMAP },
);

const NETWORK = new Map<string, GoHint>(
  Object.entries({
    Created: { kind: 'time', name: 'time.Time' },
    IPAM: S('network.IPAM'),
    'IPAM.Options': M(),
    'IPAM.Config': L('[]network.IPAMConfig'),
    'IPAM.Config[]': S('network.IPAMConfig'),
    'IPAM.Config[].AuxiliaryAddresses': M(),
    ConfigFrom: S('network.ConfigReference'),
    Containers: M('map[string]network.EndpointResource'),
    'Containers.*': S('network.EndpointResource'),
    Options: M(),
    Labels: M(),
  } satisfies Record<string, GoHint>),
);

const IMAGE = new Map<string, GoHint>(
  Object.entries({
    RepoTags: L(),
    RepoDigests: L(),
    Config: S('v1.DockerOCIImageConfig', true),
    'Config.ExposedPorts': M('map[string]struct {}'),
    'Config.ExposedPorts.*': S('struct {}'),
    'Config.Env': L(),
    'Config.Entrypoint': L(),
    'Config.Cmd': L(),
    'Config.Labels': M(),
    GraphDriver: S('storage.DriverData'),
    'GraphDriver.Data': M(),
    RootFS: S('image.RootFS'),
    'RootFS.Layers': L(),
    Metadata: S('image.Metadata'),
    'Metadata.LastTagTime': { kind: 'time', name: 'time.Time' },
  } satisfies Record<string, GoHint>),
);

/** Template options for the typed pass of `inspect -f` over each kind of object. */
export const CONTAINER_TYPES: TemplateOptions = { typeAt: (p) => CONTAINER.get(p), structName: 'container.InspectResponse' };
export const NETWORK_TYPES: TemplateOptions = { typeAt: (p) => NETWORK.get(p), structName: 'network.Inspect' };
export const IMAGE_TYPES: TemplateOptions = { typeAt: (p) => IMAGE.get(p), structName: 'image.InspectResponse' };
