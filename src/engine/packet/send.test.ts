import { describe, expect, it } from 'vitest';
import { createWorld } from '../createWorld';
import { HOST_NS, LAPTOP_NS, type NetnsId } from '../ids';
import { sendPacket } from './send';
import { counters, ipOf, run, tcp80 } from './packet.testutil';

const ping = (dst: string) => ({ dst, proto: 'icmp' as const, bytes: 84 });
const syn = (dst: string, dport: number) => ({ dst, proto: 'tcp' as const, dport, bytes: 60 });

describe('sendPacket on the default bridge', () => {
  it('pings a container on the same bridge (bridged, filter FORWARD -i docker0 -o docker0)', () => {
    let w = createWorld();
    const a = run(w, 'alpine');
    const b = run(a.world, 'alpine');
    w = b.world;
    const r = sendPacket(w, a.netns, ping(ipOf(w, b.netns)));
    expect(r.error).toBeUndefined();
    expect(r.delivered).toBe(true);
    expect(r.answeredBy?.netns).toBe(b.netns);
    expect(r.hops.some((h) => h.kind === 'bridge' && h.outPort !== null)).toBe(true);
    // The request is NEW (accepted by DOCKER-FORWARD -i docker0), the reply ESTABLISHED (DOCKER-CT).
    expect(counters(r.world, 'filter', '-A DOCKER-FORWARD -i docker0 -j ACCEPT').pkts).toBe(1);
    expect(counters(r.world, 'filter', '-A DOCKER-CT -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT')).toEqual({ pkts: 1, bytes: 84 });
  });

  it('reaches a container from the host through the connected route on docker0', () => {
    const a = run(createWorld(), 'nginx');
    const r = sendPacket(a.world, HOST_NS, syn(ipOf(a.world, a.netns), 80));
    expect(r.delivered).toBe(true);
    expect(r.hops.find((h) => h.kind === 'route')).toMatchObject({ route: '172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1' });
    expect(r.seen?.src).toBe('172.17.0.1');
    expect(r.answeredBy?.socket?.service).toEqual({ kind: 'http', server: 'nginx' });
  });

  it('reaches the internet through MASQUERADE on the host and on the router', () => {
    const a = run(createWorld(), 'alpine');
    const r = sendPacket(a.world, a.netns, ping('8.8.8.8'));
    expect(r.delivered).toBe(true);
    expect(r.answeredBy?.netns).toBe('dns.google');
    // The internet host sees the router's public address; the reply comes back to the container.
    expect(r.seen?.src).toBe('203.0.113.45');
    expect(r.reply?.received?.dst).toBe(ipOf(a.world, a.netns));
    expect(counters(r.world, 'nat', '-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE')).toEqual({ pkts: 1, bytes: 84 });
    expect(counters(r.world, 'nat', '-A POSTROUTING -o eth1 -j MASQUERADE', 'router' as NetnsId).pkts).toBe(1);
    const nats = r.hops.filter((h) => h.kind === 'nat').map((h) => (h.kind === 'nat' ? h.what : ''));
    expect(nats).toEqual(['MASQUERADE', 'MASQUERADE', 'un-SNAT', 'un-SNAT']);
  });

  it('lets the laptop reach a published port through DNAT (the proxy is not involved)', () => {
    const a = run(createWorld(), 'nginx', { publish: [tcp80] });
    const r = sendPacket(a.world, LAPTOP_NS, syn('192.168.1.10', 8080));
    expect(r.error).toBeUndefined();
    expect(r.delivered).toBe(true);
    expect(r.answeredBy?.netns).toBe(a.netns);
    expect(r.seen).toMatchObject({ src: '192.168.1.20', dst: '172.17.0.2', dport: 80 });
    expect(counters(r.world, 'nat', '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80')).toEqual({ pkts: 1, bytes: 60 });
    expect(counters(r.world, 'filter', '-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT')).toEqual({ pkts: 1, bytes: 60 });
    // The SYN-ACK leaves with the published address again (conntrack's un-DNAT).
    expect(r.reply?.received).toMatchObject({ src: '192.168.1.10', sport: 8080, dst: '192.168.1.20' });
  });

  it('serves localhost:8080 on the host through docker-proxy, seen from the gateway address', () => {
    const a = run(createWorld(), 'nginx', { publish: [tcp80] });
    const r = sendPacket(a.world, HOST_NS, syn('127.0.0.1', 8080));
    expect(r.delivered).toBe(true);
    expect(r.answeredBy?.netns).toBe(a.netns);
    expect(r.seen).toMatchObject({ src: '172.17.0.1', dst: '172.17.0.2', dport: 80 });
    expect(r.hops.some((h) => h.kind === 'deliver' && h.socket.includes('docker-proxy'))).toBe(true);
  });

  it('DNATs the host\'s own LAN address in nat OUTPUT (no proxy), un-DNATs the answer', () => {
    const a = run(createWorld(), 'nginx', { publish: [tcp80] });
    const r = sendPacket(a.world, HOST_NS, syn('192.168.1.10', 8080));
    expect(r.delivered).toBe(true);
    expect(r.seen).toMatchObject({ src: '192.168.1.10', dst: '172.17.0.2', dport: 80 });
    expect(r.hops.some((h) => h.kind === 'rule' && h.hook === 'OUTPUT' && h.target === 'DNAT')).toBe(true);
    expect(r.hops.some((h) => h.kind === 'deliver' && h.socket.includes('docker-proxy'))).toBe(false);
    expect(r.reply?.received).toMatchObject({ src: '192.168.1.10', sport: 8080 });
  });

  it('cannot reach a container IP from the laptop: the router sends 172.17/16 to the internet', () => {
    const a = run(createWorld(), 'nginx', { publish: [tcp80] });
    const r = sendPacket(a.world, LAPTOP_NS, syn(ipOf(a.world, a.netns), 80));
    expect(r.delivered).toBe(false);
    expect(r.error).toBe('timeout');
    expect(r.hops[r.hops.length - 1]).toMatchObject({ kind: 'drop', netns: 'router' });
  });

  it('drops direct routing to a container in raw PREROUTING even with a route on the laptop', () => {
    const a = run(createWorld(), 'nginx', { publish: [tcp80] });
    const lap = a.world.netns.get(LAPTOP_NS);
    const dev = lap?.byName.get('wlan0');
    if (!lap || !dev) throw new Error('no laptop');
    const route = { dst: '172.17.0.0/16', via: '192.168.1.10', dev, proto: 'static' as const, scope: 'global' as const };
    const w = { ...a.world, netns: a.world.netns.set(LAPTOP_NS, { ...lap, routes: [...lap.routes, route] }) };
    const r = sendPacket(w, LAPTOP_NS, syn(ipOf(w, a.netns), 80));
    expect(r.error).toBe('timeout');
    expect(counters(r.world, 'raw', '-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP').pkts).toBe(1);
  });

  it('refuses a TCP port nobody listens on with a RST', () => {
    const a = run(createWorld(), 'nginx');
    const r = sendPacket(a.world, HOST_NS, syn(ipOf(a.world, a.netns), 81));
    expect(r.delivered).toBe(false);
    expect(r.error).toBe('refused');
    expect(r.reply?.kind).toBe('rst');
  });
});
