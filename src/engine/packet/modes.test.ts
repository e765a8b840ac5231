import { describe, expect, it } from 'vitest';
import { createWorld } from '../createWorld';
import { connectNetwork } from '../docker/connect';
import { HOST_NS, LAPTOP_NS, type NetnsId } from '../ids';
import type { World } from '../world';
import { sendPacket } from './send';
import type { Hop } from './types';
import { counters, ipOf, network, run, tcp80 } from './packet.testutil';

const ping = (dst: string) => ({ dst, proto: 'icmp' as const, bytes: 84 });
const syn = (dst: string, dport: number) => ({ dst, proto: 'tcp' as const, dport, bytes: 60 });

describe('network modes', () => {
  it('none: only lo answers', () => {
    const a = run(createWorld(), 'alpine', { network: 'none' });
    expect(sendPacket(a.world, a.netns, ping('127.0.0.1')).delivered).toBe(true);
    for (const dst of ['172.17.0.1', '8.8.8.8']) {
      const r = sendPacket(a.world, a.netns, ping(dst));
      expect(r.delivered).toBe(false);
      expect(r.error).toBe('no-route');
    }
  });

  it('host: the container uses the host namespace, its server is published on the LAN address', () => {
    const a = run(createWorld(), 'nginx', { network: 'host' });
    expect(a.netns).toBe(HOST_NS);
    const r = sendPacket(a.world, LAPTOP_NS, syn('192.168.1.10', 80));
    expect(r.delivered).toBe(true);
    expect(r.answeredBy?.netns).toBe(HOST_NS);
    expect(r.answeredBy?.socket?.service).toEqual({ kind: 'http', server: 'nginx' });
    // Out to the internet without Docker's MASQUERADE: the host's own address, NATed by the router only.
    const out = sendPacket(a.world, a.netns, ping('8.8.8.8'));
    expect(out.delivered).toBe(true);
    expect(counters(out.world, 'nat', '-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE').pkts).toBe(0);
  });

  it('container: shares the donor namespace (localhost reaches the donor server)', () => {
    const web = run(createWorld(), 'nginx', { name: 'web' });
    const side = run(web.world, 'alpine', { network: 'container:web' });
    expect(side.netns).toBe(web.netns);
    const r = sendPacket(side.world, side.netns, syn('127.0.0.1', 80));
    expect(r.delivered).toBe(true);
    expect(r.hops.some((h) => h.kind === 'xmit' && h.via === 'lo')).toBe(true);
  });
});

describe('isolation between bridge networks', () => {
  function twoNetworks(): { world: World; a: NetnsId; b: NetnsId; bName: string } {
    let w = network(createWorld(), 'netA');
    const a = run(w, 'alpine', { name: 'ctr-a', network: 'netA' });
    const b = run(a.world, 'nginx', { name: 'ctr-b', publish: [tcp80] });
    w = b.world;
    return { world: w, a: a.netns, b: b.netns, bName: 'ctr-b' };
  }

  it('drops a ping to a container on another bridge, silently: raw PREROUTING first (28.2+)', () => {
    const t = twoNetworks();
    const r = sendPacket(t.world, t.a, ping(ipOf(t.world, t.b)));
    expect(r.delivered).toBe(false);
    expect(r.error).toBe('timeout');
    // filterDirectAccess (moby 28.2+ iptabler endpoint.go) drops it before the isolation chains.
    expect(counters(r.world, 'raw', `-A PREROUTING -d ${ipOf(t.world, t.b)}/32 ! -i docker0 -j DROP`).pkts).toBe(1);
    expect(r.hops[r.hops.length - 1]).toMatchObject({ kind: 'drop' });
  });

  it('drops it in DOCKER-ISOLATION-STAGE-2 when no raw rule protects the target (nat-unprotected)', () => {
    let w = network(createWorld(), 'netA');
    w = network(w, 'netB', { 'com.docker.network.bridge.gateway_mode_ipv4': 'nat-unprotected' });
    const a = run(w, 'alpine', { name: 'ctr-a', network: 'netA' });
    const b = run(a.world, 'alpine', { name: 'ctr-b', network: 'netB' });
    const r = sendPacket(b.world, a.netns, ping(ipOf(b.world, b.netns)));
    expect(r.delivered).toBe(false);
    expect(r.error).toBe('timeout');
    const drop = r.hops.filter((h) => h.kind === 'rule' && h.target === 'DROP');
    expect(drop).toHaveLength(1);
    expect(drop[0]).toMatchObject({ table: 'filter', chain: 'DOCKER-ISOLATION-STAGE-2', hook: 'FORWARD' });
  });

  it('still reaches the other network published port via the host address, through docker-proxy', () => {
    const t = twoNetworks();
    const r = sendPacket(t.world, t.a, syn('192.168.1.10', 8080));
    expect(r.delivered).toBe(true);
    expect(r.answeredBy?.netns).toBe(t.b);
    expect(r.seen?.src).toBe('172.17.0.1');
  });

  it('a container attached to both networks reaches both', () => {
    const t = twoNetworks();
    const c = connectNetwork(t.world, { network: 'netA', container: 'ctr-b', aliases: [], links: [] });
    if (!c.ok) throw new Error(c.error.code);
    const r = sendPacket(c.value.world, t.a, ping(ipOf(c.value.world, t.b, 'eth1')));
    expect(r.delivered).toBe(true);
  });
});

describe('counters agree with the trace', () => {
  function ruleHops(hops: readonly Hop[]): Map<string, number> {
    const m = new Map<string, number>();
    for (const h of hops) if (h.kind === 'rule') m.set(`${h.netns} ${h.table} ${h.rule}`, (m.get(`${h.netns} ${h.table} ${h.rule}`) ?? 0) + 1);
    return m;
  }
  function allCounters(w: World): Map<string, number> {
    const m = new Map<string, number>();
    for (const ns of w.netns.values()) {
      for (const [table, t] of Object.entries(ns.nf.tables)) {
        for (const c of Object.values(t.chains)) c.rules.forEach((r, i) => m.set(`${ns.id} ${table} ${c.name} ${i}`, r.pkts));
      }
    }
    return m;
  }

  it('every matched rule in the hops is exactly one more packet in iptables -nvL', () => {
    const a = run(createWorld(), 'nginx', { publish: [tcp80] });
    const before = allCounters(a.world);
    const r = sendPacket(a.world, LAPTOP_NS, syn('192.168.1.10', 8080));
    const after = allCounters(r.world);
    let bumped = 0;
    for (const [k, v] of after) bumped += v - (before.get(k) ?? 0);
    const hops = [...ruleHops(r.hops).values()].reduce((x, y) => x + y, 0);
    expect(bumped).toBe(hops);
    expect(hops).toBeGreaterThan(10);
  });

  it('is deterministic: the same World gives the same hops', () => {
    const a = run(createWorld(), 'nginx', { publish: [tcp80] });
    expect(sendPacket(a.world, LAPTOP_NS, syn('192.168.1.10', 8080)).hops).toEqual(sendPacket(a.world, LAPTOP_NS, syn('192.168.1.10', 8080)).hops);
  });
});
