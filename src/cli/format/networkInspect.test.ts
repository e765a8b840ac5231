import { describe, expect, it } from 'vitest';
import { createWorld } from '../../engine/createWorld';
import { createContainer, pullImage, type CreateSpec } from '../../engine/docker/create';
import { startContainer } from '../../engine/docker/lifecycle';
import type { World } from '../../engine/world';
import type { Network } from '../../engine/docker/types';
import { indentJson } from './goJson';
import { networkInspectJson } from './networkInspect';

const net = (w: World, name: string): Network => {
  const id = w.docker.networkNames.get(name);
  const n = id ? w.docker.networks.get(id) : undefined;
  if (!n) throw new Error(`no network ${name}`);
  return n;
};

const SPEC: CreateSpec = { image: 'nginx', cmd: [], env: [], network: '', aliases: [], links: [], publish: [], publishAll: false, expose: [], autoRemove: false, tty: false, openStdin: false };

describe('docker network inspect JSON (28.x, reference §3.5)', () => {
  it('the default bridge: fields in Go struct order, the daemon options, IPAM Options null', () => {
    const w = createWorld();
    const n = net(w, 'bridge');
    const text = indentJson(networkInspectJson(w, n));
    expect(text).toBe(
      [
        '{',
        '    "Name": "bridge",',
        `    "Id": "${n.id}",`,
        `    "Created": "${n.created}",`,
        '    "Scope": "local",',
        '    "Driver": "bridge",',
        '    "EnableIPv4": true,',
        '    "EnableIPv6": false,',
        '    "IPAM": {',
        '        "Driver": "default",',
        '        "Options": null,',
        '        "Config": [',
        '            {',
        '                "Subnet": "172.17.0.0/16",',
        '                "Gateway": "172.17.0.1"',
        '            }',
        '        ]',
        '    },',
        '    "Internal": false,',
        '    "Attachable": false,',
        '    "Ingress": false,',
        '    "ConfigFrom": {',
        '        "Network": ""',
        '    },',
        '    "ConfigOnly": false,',
        '    "Containers": {},',
        '    "Options": {',
        '        "com.docker.network.bridge.default_bridge": "true",',
        '        "com.docker.network.bridge.enable_icc": "true",',
        '        "com.docker.network.bridge.enable_ip_masquerade": "true",',
        '        "com.docker.network.bridge.host_binding_ipv4": "0.0.0.0",',
        '        "com.docker.network.bridge.name": "docker0",',
        '        "com.docker.network.driver.mtu": "1500"',
        '    },',
        '    "Labels": {}',
        '}',
      ].join('\n'),
    );
    expect(n.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  });

  it('host and none: no IPAM config (nil → null), empty options and labels, IPv4 enabled', () => {
    const w = createWorld();
    for (const [name, driver] of [['host', 'host'], ['none', 'null']] as const) {
      const j = networkInspectJson(w, net(w, name));
      expect(Object.keys(j)).toEqual(['Name', 'Id', 'Created', 'Scope', 'Driver', 'EnableIPv4', 'EnableIPv6', 'IPAM', 'Internal', 'Attachable', 'Ingress', 'ConfigFrom', 'ConfigOnly', 'Containers', 'Options', 'Labels']);
      expect(j['Driver']).toBe(driver);
      expect(j['EnableIPv4']).toBe(true);
      expect(j['IPAM']).toEqual({ Driver: 'default', Options: null, Config: null });
      expect(j['Containers']).toEqual({});
      expect(j['Options']).toEqual({});
      expect(j['Labels']).toEqual({});
    }
  });

  it('Containers: keyed by container ID with CIDR addresses; host-mode endpoints have no address', () => {
    const w = pullImage(createWorld(), 'nginx');
    if (!w.ok) throw new Error('pull');
    let world = w.value.world;
    const ids: string[] = [];
    for (const [name, network] of [['web', ''], ['hostweb', 'host']] as const) {
      const c = createContainer(world, { ...SPEC, name, network });
      if (!c.ok) throw new Error(c.error.code);
      const s = startContainer(c.value.world, c.value.id);
      if (!s.ok) throw new Error(s.error.code);
      world = s.value.world;
      ids.push(c.value.id);
    }
    const bridge = networkInspectJson(world, net(world, 'bridge'))['Containers'] as Record<string, Record<string, string>>;
    const entry = bridge[ids[0] ?? ''];
    expect(Object.keys(entry ?? {})).toEqual(['Name', 'EndpointID', 'MacAddress', 'IPv4Address', 'IPv6Address']);
    expect(entry?.['Name']).toBe('web');
    expect(entry?.['IPv4Address']).toBe('172.17.0.2/16');
    expect(entry?.['MacAddress']).toMatch(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/);
    const host = networkInspectJson(world, net(world, 'host'))['Containers'] as Record<string, Record<string, string>>;
    expect(host[ids[1] ?? '']).toMatchObject({ Name: 'hostweb', MacAddress: '', IPv4Address: '', IPv6Address: '' });
  });
});
