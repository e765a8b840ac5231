import { describe, expect, it } from 'vitest';
import { createWorld } from '../createWorld';
import { HOST_NS } from '../ids';
import { saveTable } from '../netfilter/listing';
import { writeSysctl } from '../net/sysctl';
import { setPolicy } from '../netfilter/tables';
import { createNetwork } from './networks';
import { restartDaemon } from './restart';
import type { World } from '../world';

const forwardPolicy = (w: World) => w.netns.get(HOST_NS)?.nf.tables.filter.chains['FORWARD']?.policy;

function restart(w: World): World {
  const r = restartDaemon(w);
  if (!r.ok) throw new Error(r.error.code);
  return r.value.world;
}

describe('ip_forward, the FORWARD policy and daemon restarts (setup_ip_forwarding.go)', () => {
  it('a host booting with ip_forward=0 gets forwarding on and policy DROP from docker0', () => {
    const w = createWorld(1);
    expect(w.netns.get(HOST_NS)?.forwarding).toBe(true);
    expect(forwardPolicy(w)).toBe('DROP');
  });

  it('a restart keeps the policy the kernel has, ACCEPT included; ip_forward=0 brings DROP back', () => {
    let w = createWorld(1);
    const host = w.netns.get(HOST_NS);
    if (!host) throw new Error('no host');
    w = { ...w, netns: w.netns.set(HOST_NS, { ...host, nf: setPolicy(host.nf, 'filter', 'FORWARD', 'ACCEPT').nf }) };
    expect(forwardPolicy(restart(w))).toBe('ACCEPT');
    const off = writeSysctl(w, HOST_NS, 'net.ipv4.ip_forward', '0');
    if (!off.ok) throw new Error(off.error.code);
    const back = restart(off.value);
    expect(back.netns.get(HOST_NS)?.forwarding).toBe(true);
    expect(forwardPolicy(back)).toBe('DROP');
  });

  it('ip-forward-no-drop leaves the policy alone', () => {
    const w0 = createWorld(1);
    const host = w0.netns.get(HOST_NS);
    if (!host) throw new Error('no host');
    let w: World = { ...w0, netns: w0.netns.set(HOST_NS, { ...host, nf: setPolicy(host.nf, 'filter', 'FORWARD', 'ACCEPT').nf }) };
    const off = writeSysctl(w, HOST_NS, 'net.ipv4.ip_forward', '0');
    if (!off.ok) throw new Error(off.error.code);
    w = { ...off.value, docker: { ...off.value.docker, daemonJson: '{"ip-forward-no-drop": true}' } };
    expect(forwardPolicy(restart(w))).toBe('ACCEPT');
  });

  it('the default bridge comes back with a new id, its rules after the user networks', () => {
    const made = createNetwork(createWorld(1), { name: 'n1', driver: 'bridge', ipam: [], internal: false, attachable: false, options: {}, labels: {} });
    if (!made.ok) throw new Error(made.error.code);
    const before = made.value.world.docker.networkNames.get('bridge');
    const w = restart(made.value.world);
    expect(w.docker.networkNames.get('bridge')).not.toBe(before);
    const nf = w.netns.get(HOST_NS)?.nf;
    if (!nf) throw new Error('no host');
    const nat = saveTable(nf, 'nat', false) ?? '';
    const post = nat.split('\n').filter((l) => l.startsWith('-A POSTROUTING'));
    // Each network inserts its MASQUERADE at the top: docker0, created last, comes first.
    expect(post[0]).toContain('172.17.0.0/16');
    expect(post[1]).toContain('172.18.0.0/16');
  });
});
