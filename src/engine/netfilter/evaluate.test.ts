import { describe, expect, it } from 'vitest';
import { runIptables } from '../../cli/format/iptables';
import { evaluateHook, type EvalContext, type Packet } from './evaluate';
import { appendRule, emptyNetfilter, getChain, newChain } from './tables';
import { SCENARIOS } from './transcripts.testutil';
import type { Netfilter } from './types';

/** The host: eth0 192.168.1.10 on the LAN, docker0 172.17.0.1, bridge1 192.0.2.1. */
const HOST_IPS = ['127.0.0.1', '192.168.1.10', '172.17.0.1', '192.0.2.1'];
const ctx: EvalContext = {
  isLocal: (ip) => HOST_IPS.includes(ip),
  masqueradeSource: (out) => (out === 'eth0' ? '192.168.1.10' : undefined),
};
const portmap = (): Netfilter => SCENARIOS['usernet-portmap']?.() ?? emptyNetfilter();

const fromLan: Packet = { src: '192.168.1.50', dst: '192.168.1.10', proto: 'tcp', sport: 40000, dport: 8080, inIface: 'eth0', bytes: 60, ctstate: 'NEW' };

describe('evaluateHook', () => {
  it('a connection to a published port is DNATed in nat PREROUTING, then accepted by filter DOCKER', () => {
    const nat = evaluateHook(portmap(), 'nat', 'PREROUTING', fromLan, ctx);
    expect(nat.verdict).toBe('ACCEPT');
    expect(nat.nat).toEqual({ kind: 'DNAT', ip: '192.0.2.2', port: 80 });
    expect(nat.matched.map((m) => `${m.chain} ${m.num} ${m.target}`)).toEqual(['PREROUTING 1 DOCKER', 'DOCKER 3 DNAT']);
    expect(nat.matched[1]?.ruleText).toBe('-A DOCKER ! -i bridge1 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.0.2.2:80');

    const fwd = evaluateHook(nat.nf, 'filter', 'FORWARD', { ...fromLan, dst: '192.0.2.2', dport: 80, outIface: 'bridge1' }, ctx);
    expect(fwd.verdict).toBe('ACCEPT');
    expect(fwd.policy).toBeUndefined();
    expect(fwd.matched.map((m) => `${m.chain} ${m.num} ${m.target}`)).toEqual([
      'FORWARD 1 DOCKER-USER',
      'FORWARD 2 DOCKER-FORWARD',
      'DOCKER-FORWARD 1 DOCKER-CT',
      'DOCKER-FORWARD 2 DOCKER-ISOLATION-STAGE-1',
      'DOCKER-FORWARD 3 DOCKER-BRIDGE',
      'DOCKER-BRIDGE 2 DOCKER',
      'DOCKER 1 ACCEPT',
    ]);
    // The counters show in the listing (pkts 1, bytes 60).
    const out = runIptables(['-nvL', 'DOCKER', '--line-numbers'], fwd.nf).stdout;
    expect(out).toContain('1        1    60 ACCEPT     6    --  !bridge1 bridge1  0.0.0.0/0            192.0.2.2            tcp dpt:80\n');
    expect(out).toContain('2        0     0 DROP       0    --  !docker0 docker0');
  });

  it('an unpublished port reached by direct routing is dropped by the network default rule', () => {
    const p: Packet = { ...fromLan, dst: '192.0.2.2', dport: 22, outIface: 'bridge1' };
    const raw = evaluateHook(portmap(), 'raw', 'PREROUTING', { ...p, outIface: undefined }, ctx);
    expect(raw.verdict).toBe('DROP');
    expect(raw.matched[0]?.ruleText).toBe('-A PREROUTING -d 192.0.2.2/32 ! -i bridge1 -j DROP');
    const fwd = evaluateHook(portmap(), 'filter', 'FORWARD', p, ctx);
    expect(fwd.verdict).toBe('DROP');
    expect(fwd.matched.at(-1)).toMatchObject({ chain: 'DOCKER', num: 3, target: 'DROP' });
  });

  it('isolation: docker0 → bridge1 is dropped in DOCKER-ISOLATION-STAGE-2', () => {
    const p: Packet = { src: '172.17.0.2', dst: '192.0.2.2', proto: 'icmp', inIface: 'docker0', outIface: 'bridge1', bytes: 84, ctstate: 'NEW' };
    const r = evaluateHook(portmap(), 'filter', 'FORWARD', p, ctx);
    expect(r.verdict).toBe('DROP');
    expect(r.matched.slice(-2).map((m) => `${m.chain} ${m.num} ${m.target}`)).toEqual(['DOCKER-ISOLATION-STAGE-1 1 DOCKER-ISOLATION-STAGE-2', 'DOCKER-ISOLATION-STAGE-2 1 DROP']);
  });

  it('RETURN in a user chain goes back to the caller; the policy decides at the end', () => {
    // From a container on bridge1 to the host's published port: the proxy takes it (skip DNAT).
    const p: Packet = { src: '192.0.2.2', dst: '192.168.1.10', proto: 'tcp', sport: 40000, dport: 8080, inIface: 'bridge1', bytes: 60, ctstate: 'NEW' };
    const r = evaluateHook(portmap(), 'nat', 'PREROUTING', p, ctx);
    expect(r.nat).toBeUndefined();
    expect(r.matched.map((m) => `${m.chain} ${m.num} ${m.target}`)).toEqual(['PREROUTING 1 DOCKER', 'DOCKER 1 RETURN']);
    expect(r.policy).toEqual({ table: 'nat', chain: 'PREROUTING', policy: 'ACCEPT' });
    const pre = getChain(r.nf, 'nat', 'PREROUTING');
    expect([pre?.pkts, pre?.bytes, pre?.rules[0]?.pkts]).toEqual([1, 60, 1]);
    expect(getChain(r.nf, 'nat', 'DOCKER')?.rules.map((x) => x.pkts)).toEqual([1, 0, 0]);
  });

  it('RETURN in a built-in chain applies its policy', () => {
    let nf = appendRule(emptyNetfilter(), 'filter', 'INPUT', { in: 'lo', matches: [], target: { t: 'RETURN' } }).nf;
    nf = appendRule(nf, 'filter', 'INPUT', { matches: [], target: { t: 'DROP' } }).nf;
    const r = evaluateHook(nf, 'filter', 'INPUT', { src: '127.0.0.1', dst: '127.0.0.1', proto: 'icmp', inIface: 'lo', bytes: 84, ctstate: 'NEW' }, ctx);
    expect(r.verdict).toBe('ACCEPT');
    expect(r.policy?.policy).toBe('ACCEPT');
  });

  it('counters add up over packets, and iptables prints them with K suffixes', () => {
    let nf = portmap();
    const ping: Packet = { src: '172.17.0.2', dst: '8.8.8.8', proto: 'icmp', inIface: 'docker0', outIface: 'eth0', bytes: 84, ctstate: 'NEW' };
    for (let i = 0; i < 1300; i++) nf = evaluateHook(nf, 'filter', 'FORWARD', ping, ctx).nf;
    expect(getChain(nf, 'filter', 'FORWARD')?.rules.map((r) => [r.pkts, r.bytes])).toEqual([[1300, 109200], [1300, 109200]]);
    const out = runIptables(['-vL', 'FORWARD'], nf).stdout;
    expect(out).toBe(
      'Chain FORWARD (policy ACCEPT 0 packets, 0 bytes)\n' +
        ' pkts bytes target     prot opt in     out     source               destination         \n' +
        ' 1300  109K DOCKER-USER  all  --  any    any     anywhere             anywhere            \n' +
        ' 1300  109K DOCKER-FORWARD  all  --  any    any     anywhere             anywhere            \n',
    );
  });

  it('MASQUERADE takes the address of the outgoing interface', () => {
    const p: Packet = { src: '172.17.0.2', dst: '8.8.8.8', proto: 'udp', sport: 5000, dport: 53, inIface: 'docker0', outIface: 'eth0', bytes: 70, ctstate: 'NEW' };
    const r = evaluateHook(portmap(), 'nat', 'POSTROUTING', { ...p, inIface: undefined }, ctx);
    expect(r.nat).toEqual({ kind: 'MASQUERADE', ip: '192.168.1.10' });
    expect(r.matched[0]).toMatchObject({ num: 2, ruleText: '-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE' });
  });

  it('the nat table only sees NEW packets', () => {
    const r = evaluateHook(portmap(), 'nat', 'PREROUTING', { ...fromLan, ctstate: 'ESTABLISHED' }, ctx);
    expect(r).toMatchObject({ verdict: 'ACCEPT', matched: [] });
  });

  it('interface wildcards and negations, conntrack, ports, addrtype', () => {
    let nf = newChain(emptyNetfilter(), 'filter', 'T').nf;
    nf = appendRule(nf, 'filter', 'FORWARD', { matches: [], target: { t: 'JUMP', chain: 'T' } }).nf;
    nf = appendRule(nf, 'filter', 'T', { in: 'veth+', inNeg: true, matches: [], target: { t: 'RETURN' } }).nf;
    nf = appendRule(nf, 'filter', 'T', { matches: [{ m: 'conntrack', ctstate: ['RELATED', 'ESTABLISHED'] }], target: { t: 'ACCEPT' } }).nf;
    nf = appendRule(nf, 'filter', 'T', { proto: 'udp', matches: [{ m: 'udp', dport: 1000, dportEnd: 2000 }], target: { t: 'ACCEPT' } }).nf;
    nf = appendRule(nf, 'filter', 'T', { matches: [{ m: 'addrtype', dstType: 'LOCAL', neg: true }], target: { t: 'DROP' } }).nf;
    const base: Packet = { src: '10.0.0.2', dst: '10.0.0.3', proto: 'udp', dport: 1500, inIface: 'veth1', bytes: 50, ctstate: 'NEW' };
    const target = (p: Packet): string => evaluateHook(nf, 'filter', 'FORWARD', p, ctx).matched.at(-1)?.target ?? 'none';
    expect(target({ ...base, inIface: 'eth0' })).toBe('RETURN');
    expect(target({ ...base, ctstate: 'RELATED' })).toBe('ACCEPT');
    expect(target(base)).toBe('ACCEPT');
    expect(target({ ...base, dport: 2001 })).toBe('DROP');
    expect(target({ ...base, dport: 2001, dst: '192.168.1.10' })).toBe('T');
  });
});
