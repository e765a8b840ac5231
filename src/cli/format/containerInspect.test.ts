import { describe, expect, it } from 'vitest';
import { createWorld } from '../../engine/createWorld';
import { createContainer, pullImage, type CreateSpec } from '../../engine/docker/create';
import { startContainer, stopContainer } from '../../engine/docker/lifecycle';
import type { ContainerId } from '../../engine/ids';
import type { World } from '../../engine/world';
import { containerInspectJson, ZERO_TIME } from './containerInspect';
import { indentJson, type JsonValue } from './goJson';

const SPEC: CreateSpec = { image: 'nginx', cmd: [], env: [], network: '', aliases: [], links: [], publish: [], publishAll: false, expose: [], autoRemove: false, tty: false, openStdin: false };

function world(): World {
  const p = pullImage(createWorld(), 'nginx');
  if (!p.ok) throw new Error(p.error.code);
  const a = pullImage(p.value.world, 'alpine');
  if (!a.ok) throw new Error(a.error.code);
  return a.value.world;
}

function create(w: World, spec: Partial<CreateSpec>): { w: World; id: ContainerId } {
  const c = createContainer(w, { ...SPEC, ...spec });
  if (!c.ok) throw new Error(c.error.code);
  return { w: c.value.world, id: c.value.id };
}

function start(w: World, id: ContainerId): World {
  const s = startContainer(w, id);
  if (!s.ok) throw new Error(s.error.code);
  return s.value.world;
}

function inspect(w: World, id: ContainerId): Record<string, JsonValue> {
  const c = w.docker.containers.get(id);
  if (!c) throw new Error('gone');
  return containerInspectJson(w, c);
}

const obj = (v: JsonValue | undefined): Record<string, JsonValue> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, JsonValue>) : {});

describe('docker inspect CONTAINER (28.x shape)', () => {
  const base = world();
  const made = create(base, { name: 'web', publish: [{ containerPort: 80, proto: 'tcp', hostIp: '', hostPort: '8080' }] });
  const w = start(made.w, made.id);
  const j = inspect(w, made.id);

  it('top-level fields in InspectResponse order (ContainerJSONBase, Mounts, Config, NetworkSettings)', () => {
    expect(Object.keys(j)).toEqual([
      'Id', 'Created', 'Path', 'Args', 'State', 'Image', 'ResolvConfPath', 'HostnamePath', 'HostsPath', 'LogPath', 'Name',
      'RestartCount', 'Driver', 'Platform', 'MountLabel', 'ProcessLabel', 'AppArmorProfile', 'ExecIDs', 'HostConfig',
      'GraphDriver', 'Mounts', 'Config', 'NetworkSettings',
    ]);
    expect(j['Name']).toBe('/web');
    expect(j['Path']).toBe('/docker-entrypoint.sh');
    expect(j['Args']).toEqual(['nginx', '-g', 'daemon off;']);
    expect(j['Image']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(j['ResolvConfPath']).toBe(`/var/lib/docker/containers/${made.id}/resolv.conf`);
    expect(j['LogPath']).toBe(`/var/lib/docker/containers/${made.id}/${made.id}-json.log`);
    expect(j['Created']).toMatch(/^2026-11-27T09:00:00(\.\d{1,9})?Z$/);
  });

  it('State of a running container', () => {
    const s = obj(j['State']);
    expect(Object.keys(s)).toEqual(['Status', 'Running', 'Paused', 'Restarting', 'OOMKilled', 'Dead', 'Pid', 'ExitCode', 'Error', 'StartedAt', 'FinishedAt']);
    expect(s).toMatchObject({ Status: 'running', Running: true, ExitCode: 0, FinishedAt: ZERO_TIME });
    expect(s['Pid']).toBeGreaterThan(0);
  });

  it('HostConfig in Go field order with the CLI/daemon defaults', () => {
    const h = obj(j['HostConfig']);
    expect(Object.keys(h)).toEqual([
      'Binds', 'ContainerIDFile', 'LogConfig', 'NetworkMode', 'PortBindings', 'RestartPolicy', 'AutoRemove', 'VolumeDriver',
      'VolumesFrom', 'ConsoleSize', 'CapAdd', 'CapDrop', 'CgroupnsMode', 'Dns', 'DnsOptions', 'DnsSearch', 'ExtraHosts', 'GroupAdd',
      'IpcMode', 'Cgroup', 'Links', 'OomScoreAdj', 'PidMode', 'Privileged', 'PublishAllPorts', 'ReadonlyRootfs', 'SecurityOpt',
      'UTSMode', 'UsernsMode', 'ShmSize', 'Runtime', 'Isolation', 'CpuShares', 'Memory', 'NanoCpus', 'CgroupParent', 'BlkioWeight',
      'BlkioWeightDevice', 'BlkioDeviceReadBps', 'BlkioDeviceWriteBps', 'BlkioDeviceReadIOps', 'BlkioDeviceWriteIOps', 'CpuPeriod',
      'CpuQuota', 'CpuRealtimePeriod', 'CpuRealtimeRuntime', 'CpusetCpus', 'CpusetMems', 'Devices', 'DeviceCgroupRules',
      'DeviceRequests', 'MemoryReservation', 'MemorySwap', 'MemorySwappiness', 'OomKillDisable', 'PidsLimit', 'Ulimits', 'CpuCount',
      'CpuPercent', 'IOMaximumIOps', 'IOMaximumBandwidth', 'MaskedPaths', 'ReadonlyPaths',
    ]);
    expect(h).toMatchObject({
      NetworkMode: 'bridge',
      PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] },
      LogConfig: { Type: 'json-file', Config: {} },
      RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
      Dns: [],
      ExtraHosts: null,
      Links: null,
      ShmSize: 67108864,
    });
  });

  it('Config with the image defaults', () => {
    const c = obj(j['Config']);
    expect(Object.keys(c)).toEqual([
      'Hostname', 'Domainname', 'User', 'AttachStdin', 'AttachStdout', 'AttachStderr', 'ExposedPorts', 'Tty', 'OpenStdin',
      'StdinOnce', 'Env', 'Cmd', 'Image', 'Volumes', 'WorkingDir', 'Entrypoint', 'OnBuild', 'Labels',
    ]);
    expect(c['Hostname']).toBe(made.id.slice(0, 12));
    expect(c['ExposedPorts']).toEqual({ '80/tcp': {} });
    expect(c['Entrypoint']).toEqual(['/docker-entrypoint.sh']);
  });

  it('NetworkSettings exactly as the §3.6 28.x bridge example', () => {
    const ns = obj(j['NetworkSettings']);
    const ep = obj(obj(ns['Networks'])['bridge']);
    const sandbox = String(ns['SandboxID']);
    const mac = String(ep['MacAddress']);
    const expected = [
      '{',
      '    "Bridge": "",',
      `    "SandboxID": "${sandbox}",`,
      `    "SandboxKey": "/var/run/docker/netns/${sandbox.slice(0, 12)}",`,
      '    "Ports": {',
      '        "80/tcp": [',
      '            {',
      '                "HostIp": "0.0.0.0",',
      '                "HostPort": "8080"',
      '            },',
      '            {',
      '                "HostIp": "::",',
      '                "HostPort": "8080"',
      '            }',
      '        ]',
      '    },',
      '    "HairpinMode": false,',
      '    "LinkLocalIPv6Address": "",',
      '    "LinkLocalIPv6PrefixLen": 0,',
      '    "SecondaryIPAddresses": null,',
      '    "SecondaryIPv6Addresses": null,',
      `    "EndpointID": "${String(ep['EndpointID'])}",`,
      '    "Gateway": "172.17.0.1",',
      '    "GlobalIPv6Address": "",',
      '    "GlobalIPv6PrefixLen": 0,',
      '    "IPAddress": "172.17.0.2",',
      '    "IPPrefixLen": 16,',
      '    "IPv6Gateway": "",',
      `    "MacAddress": "${mac}",`,
      '    "Networks": {',
      '        "bridge": {',
      '            "IPAMConfig": null,',
      '            "Links": null,',
      '            "Aliases": null,',
      `            "MacAddress": "${mac}",`,
      '            "DriverOpts": null,',
      '            "GwPriority": 0,',
      `            "NetworkID": "${w.docker.networkNames.get('bridge') ?? ''}",`,
      `            "EndpointID": "${String(ep['EndpointID'])}",`,
      '            "Gateway": "172.17.0.1",',
      '            "IPAddress": "172.17.0.2",',
      '            "IPPrefixLen": 16,',
      '            "IPv6Gateway": "",',
      '            "GlobalIPv6Address": "",',
      '            "GlobalIPv6PrefixLen": 0,',
      '            "DNSNames": null',
      '        }',
      '    }',
      '}',
    ].join('\n');
    expect(indentJson(ns)).toBe(expected);
    expect(sandbox).toMatch(/^[0-9a-f]{64}$/);
    expect(String(ep['EndpointID'])).toMatch(/^[0-9a-f]{64}$/);
  });

  it('after docker stop: sandbox and ports cleared, operational data emptied, NetworkID kept', () => {
    const stopped = stopContainer(w, made.id);
    if (!stopped.ok) throw new Error('stop');
    const s = inspect(stopped.value.world, made.id);
    const ns = obj(s['NetworkSettings']);
    expect(obj(s['State'])).toMatchObject({ Status: 'exited', Running: false, Pid: 0 });
    expect(obj(s['State'])['FinishedAt']).not.toBe(ZERO_TIME);
    expect(ns).toMatchObject({ SandboxID: '', SandboxKey: '', Ports: {}, IPAddress: '', EndpointID: '', MacAddress: '' });
    expect(obj(obj(ns['Networks'])['bridge'])).toMatchObject({ NetworkID: w.docker.networkNames.get('bridge'), EndpointID: '', IPAddress: '', MacAddress: '', IPPrefixLen: 0 });
  });

  it('created, never started: no file paths, an empty bridge entry, zero times', () => {
    const c = create(base, { name: 'later', image: 'alpine' });
    const s = inspect(c.w, c.id);
    expect(s).toMatchObject({ ResolvConfPath: '', HostnamePath: '', HostsPath: '', LogPath: '', Path: '/bin/sh', Args: [] });
    expect(obj(s['State'])).toMatchObject({ Status: 'created', StartedAt: ZERO_TIME, FinishedAt: ZERO_TIME });
    expect(obj(obj(obj(s['NetworkSettings'])['Networks'])['bridge'])).toMatchObject({ NetworkID: '', EndpointID: '', DNSNames: null });
    expect(obj(s['Config'])['ExposedPorts']).toBeUndefined();
  });

  it('host, none and container: modes', () => {
    const h = create(base, { name: 'hostweb', network: 'host' });
    const hw = start(h.w, h.id);
    const hj = obj(inspect(hw, h.id)['NetworkSettings']);
    expect(hj).toMatchObject({ SandboxKey: '/var/run/docker/netns/default', Ports: {}, IPAddress: '' });
    expect(Object.keys(obj(hj['Networks']))).toEqual(['host']);
    expect(obj(obj(hj['Networks'])['host'])).toMatchObject({ NetworkID: hw.docker.networkNames.get('host'), IPAddress: '', MacAddress: '', Gateway: '' });

    const n = create(hw, { name: 'isolated', network: 'none', image: 'alpine', cmd: ['sleep', '1000'] });
    const nw = start(n.w, n.id);
    const nj = obj(inspect(nw, n.id)['NetworkSettings']);
    expect(Object.keys(obj(nj['Networks']))).toEqual(['none']);
    expect(String(nj['SandboxKey'])).toMatch(/^\/var\/run\/docker\/netns\/[0-9a-f]{12}$/);

    const donor = create(nw, { name: 'donor' });
    const dw = start(donor.w, donor.id);
    const j2 = create(dw, { name: 'joiner', network: 'container:donor', image: 'alpine', cmd: ['sleep', '1000'] });
    const jw = start(j2.w, j2.id);
    const jj = inspect(jw, j2.id);
    expect(obj(jj['HostConfig'])['NetworkMode']).toBe(`container:${donor.id}`);
    expect(obj(jj['NetworkSettings'])).toMatchObject({ SandboxID: '', SandboxKey: '', Ports: {}, Networks: {} });
    expect(jj['HostsPath']).toBe(`/var/lib/docker/containers/${donor.id}/hosts`);
  });
});
