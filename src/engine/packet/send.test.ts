import { describe, expect, it } from 'vitest';
import { createWorld } from '../createWorld';
import { HOST_NS, LAPTOP_NS, type NetnsId } from '../ids';
import { insertRule } from '../netfilter/tables';
import type { RejectWith, RuleSpec } from '../netfilter/types';
import type { World } from '../world';
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

/** `iptables -I CHAIN [-p PROTO] -j REJECT --reject-with WITH` in the host's filter table. */
function reject(w: World, chain: string, r: RejectWith, proto?: 'tcp' | 'udp' | 'icmp', ns: NetnsId = HOST_NS): World {
  const n = w.netns.get(ns);
  if (!n) throw new Error('no namespace');
  const nf = insertRule(n.nf, 'filter', chain, { ...(proto ? { proto } : {}), matches: [], target: { t: 'REJECT', with: r } }).nf;
  return { ...w, netns: w.netns.set(ns, { ...n, nf }) };
}

describe('sendPacket and a REJECT rule: the answer is walked back', () => {
  it('an ICMP port unreachable for a forwarded, DNATed SYN leaves from the host address the laptop talked to, RELATED', () => {
    const a = run(createWorld(), 'nginx', { publish: [tcp80] });
    const w = reject(a.world, 'DOCKER-USER', 'icmp-port-unreachable', 'tcp');
    const r = sendPacket(w, LAPTOP_NS, syn('192.168.1.10', 8080));
    expect(r.delivered).toBe(false);
    expect(r.error).toBe('refused');
    // Not local (forwarded): __icmp_send lets the route back to 192.168.1.20 pick the source.
    expect(r.answer).toEqual({ kind: 'port-unreachable', from: '192.168.1.10', by: HOST_NS });
    expect(counters(r.world, 'filter', '-A DOCKER-USER -p tcp -j REJECT --reject-with icmp-port-unreachable')).toEqual({ pkts: 1, bytes: 60 });
    // The error goes out through the host's OUTPUT (policy ACCEPT counts it): 28 + the 60-byte SYN.
    expect(r.world.netns.get(HOST_NS)?.nf.tables.filter.chains.OUTPUT).toMatchObject({ pkts: 1, bytes: 88 });
    expect(r.hops.filter((h) => h.kind === 'nat').map((h) => (h.kind === 'nat' ? h.what : ''))).toEqual(['DNAT']);
    expect(r.hops[r.hops.length - 1]).toMatchObject({ kind: 'deliver', netns: LAPTOP_NS });
  });

  it('a tcp-reset answers from the DNATed destination and conntrack undoes the DNAT on its way out', () => {
    const a = run(createWorld(), 'nginx', { publish: [tcp80] });
    const w = reject(a.world, 'DOCKER-USER', 'tcp-reset', 'tcp');
    const r = sendPacket(w, LAPTOP_NS, syn('192.168.1.10', 8080));
    expect(r.error).toBe('refused');
    expect(r.answer).toEqual({ kind: 'rst', from: '192.168.1.10', by: HOST_NS });
    expect(r.hops.find((h) => h.kind === 'reply')).toMatchObject({ reject: 'TCP RST' });
    expect(r.hops.find((h) => h.kind === 'nat' && h.what === 'un-DNAT')).toMatchObject({ from: '172.17.0.2:80', to: '192.168.1.10:8080' });
    expect(r.world.netns.get(HOST_NS)?.nf.tables.filter.chains.OUTPUT).toMatchObject({ pkts: 1, bytes: 40 });
  });

  it('the answer is RELATED in the rejecting namespace: a filter OUTPUT rule sees it so', () => {
    const a = run(createWorld(), 'nginx', { publish: [tcp80] });
    let w = reject(a.world, 'DOCKER-USER', 'tcp-reset', 'tcp');
    const host = w.netns.get(HOST_NS);
    if (!host) throw new Error('no host');
    const related: RuleSpec = { matches: [{ m: 'conntrack', ctstate: ['RELATED'] }], target: { t: 'ACCEPT' } };
    w = { ...w, netns: w.netns.set(HOST_NS, { ...host, nf: insertRule(host.nf, 'filter', 'OUTPUT', related).nf }) };
    const r = sendPacket(w, LAPTOP_NS, syn('192.168.1.10', 8080));
    expect(r.hops.some((h) => h.kind === 'rule' && h.chain === 'OUTPUT' && h.rule.includes('RELATED'))).toBe(true);
  });

  it('a packet addressed to the host itself is answered from that address (RTCF_LOCAL)', () => {
    const w = reject(createWorld(), 'INPUT', 'icmp-admin-prohibited', 'icmp');
    const r = sendPacket(w, LAPTOP_NS, ping('192.168.1.10'));
    expect(r.error).toBe('unreachable');
    expect(r.answer).toEqual({ kind: 'admin-prohibited', from: '192.168.1.10', by: HOST_NS });
    expect(r.world.netns.get(HOST_NS)?.nf.tables.filter.chains.OUTPUT).toMatchObject({ pkts: 1, bytes: 112 });
  });

  it('tcp-reset does not answer anything but TCP: the ping is only dropped', () => {
    const w = reject(createWorld(), 'INPUT', 'tcp-reset');
    const r = sendPacket(w, LAPTOP_NS, ping('192.168.1.10'));
    expect(r.error).toBe('timeout');
    expect(r.answer).toBeUndefined();
    expect(r.hops.some((h) => h.kind === 'reply')).toBe(false);
  });

  it('an answer dropped on its way back leaves the sender waiting', () => {
    let w = reject(createWorld(), 'INPUT', 'icmp-port-unreachable', 'tcp');
    const lap = w.netns.get(LAPTOP_NS);
    if (!lap) throw new Error('no laptop');
    w = { ...w, netns: w.netns.set(LAPTOP_NS, { ...lap, nf: insertRule(lap.nf, 'filter', 'INPUT', { proto: 'icmp', matches: [], target: { t: 'DROP' } }).nf }) };
    const r = sendPacket(w, LAPTOP_NS, syn('192.168.1.10', 22));
    expect(r.error).toBe('timeout');
    expect(r.answer).toBeUndefined();
    expect(r.hops[r.hops.length - 1]).toMatchObject({ kind: 'drop', netns: LAPTOP_NS });
  });

  it('maps each ICMP code to the errno connect() gets (icmp_err_convert)', () => {
    const cases: [RejectWith, string][] = [
      ['icmp-net-unreachable', 'no-route'], ['icmp-host-unreachable', 'unreachable'], ['icmp-proto-unreachable', 'proto-unreachable'],
      ['icmp-port-unreachable', 'refused'], ['icmp-net-prohibited', 'no-route'], ['icmp-host-prohibited', 'unreachable'], ['icmp-admin-prohibited', 'unreachable'],
    ];
    for (const [with_, error] of cases) {
      const r = sendPacket(reject(createWorld(), 'INPUT', with_, 'tcp'), LAPTOP_NS, syn('192.168.1.10', 22));
      expect([with_, r.error]).toEqual([with_, error]);
      expect(r.answer?.from).toBe('192.168.1.10');
    }
  });
});
