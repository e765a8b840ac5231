import { describe, expect, it } from 'vitest';
import * as fw from './docker';
import { diffRules } from './diff';
import { cidr, printNum, saveRuleText } from './ruleText';
import {
  appendRule,
  chainNames,
  chainReferences,
  deleteChain,
  deleteRule,
  emptyNetfilter,
  getChain,
  insertRule,
  newChain,
  ruleExists,
  setPolicy,
} from './tables';
import { bridge1, c1, newDaemon, PROXY, SCENARIOS } from './transcripts.testutil';
import type { RuleSpec } from './types';

const ret = (iface: string): RuleSpec => ({ in: iface, matches: [], target: { t: 'RETURN' } });

describe('generic ops', () => {
  it('emptyNetfilter has the built-in chains, policy ACCEPT, zero counters', () => {
    const nf = emptyNetfilter();
    expect(chainNames(nf, 'raw')).toEqual(['PREROUTING', 'OUTPUT']);
    expect(chainNames(nf, 'mangle')).toEqual(['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING']);
    expect(chainNames(nf, 'nat')).toEqual(['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING']);
    expect(chainNames(nf, 'filter')).toEqual(['INPUT', 'FORWARD', 'OUTPUT']);
    expect(getChain(nf, 'filter', 'FORWARD')).toEqual({ name: 'FORWARD', policy: 'ACCEPT', pkts: 0, bytes: 0, rules: [] });
  });

  it('append, insert at a position, delete by spec; each returns the -S text', () => {
    let nf = newChain(emptyNetfilter(), 'nat', 'DOCKER').nf;
    const a = appendRule(nf, 'nat', 'DOCKER', ret('docker0'));
    expect(a.change).toEqual({ type: 'rule-appended', table: 'nat', chain: 'DOCKER', rule: '-A DOCKER -i docker0 -j RETURN' });
    nf = a.nf;
    nf = insertRule(nf, 'nat', 'DOCKER', ret('br1')).nf;
    nf = insertRule(nf, 'nat', 'DOCKER', ret('br2'), 3).nf;
    expect(getChain(nf, 'nat', 'DOCKER')?.rules.map((r) => r.spec.in)).toEqual(['br1', 'docker0', 'br2']);
    const d = deleteRule(nf, 'nat', 'DOCKER', ret('docker0'));
    expect(d.change.type).toBe('rule-deleted');
    expect(getChain(d.nf, 'nat', 'DOCKER')?.rules.map((r) => r.spec.in)).toEqual(['br1', 'br2']);
    expect(ruleExists(d.nf, 'nat', 'DOCKER', ret('docker0'))).toBe(false);
    // The input is untouched.
    expect(getChain(nf, 'nat', 'DOCKER')?.rules).toHaveLength(3);
  });

  it('rules compare as iptables does: host bits of a CIDR do not matter', () => {
    const nf = appendRule(emptyNetfilter(), 'filter', 'INPUT', { src: cidr('10.1.2.3/8'), matches: [], target: { t: 'DROP' } }).nf;
    expect(ruleExists(nf, 'filter', 'INPUT', { src: { ip: '10.0.0.0', prefix: 8 }, matches: [], target: { t: 'DROP' } })).toBe(true);
  });

  it('user chains list sorted after the built-ins; references count jumps', () => {
    let nf = emptyNetfilter();
    for (const c of ['DOCKER-USER', 'DOCKER', 'DOCKER-CT']) nf = newChain(nf, 'filter', c).nf;
    nf = appendRule(nf, 'filter', 'FORWARD', { matches: [], target: { t: 'JUMP', chain: 'DOCKER-USER' } }).nf;
    expect(chainNames(nf, 'filter')).toEqual(['INPUT', 'FORWARD', 'OUTPUT', 'DOCKER', 'DOCKER-CT', 'DOCKER-USER']);
    expect(chainReferences(nf, 'filter', 'DOCKER-USER')).toBe(1);
    expect(chainReferences(nf, 'filter', 'DOCKER')).toBe(0);
  });

  it('policy and chain deletion', () => {
    let nf = setPolicy(emptyNetfilter(), 'filter', 'FORWARD', 'DROP').nf;
    expect(getChain(nf, 'filter', 'FORWARD')?.policy).toBe('DROP');
    nf = newChain(nf, 'filter', 'X').nf;
    const del = deleteChain(nf, 'filter', 'X');
    expect(del.change.rule).toBe('-X X');
    expect(getChain(del.nf, 'filter', 'X')).toBeUndefined();
  });

  it('misuse is a bug and throws', () => {
    const nf = emptyNetfilter();
    expect(() => appendRule(nf, 'filter', 'NOPE', ret('x'))).toThrow();
    expect(() => appendRule(nf, 'filter', 'INPUT', { matches: [], target: { t: 'JUMP', chain: 'NOPE' } })).toThrow();
    expect(() => newChain(nf, 'filter', 'INPUT')).toThrow();
    expect(() => deleteRule(nf, 'filter', 'INPUT', ret('x'))).toThrow();
    expect(() => insertRule(nf, 'filter', 'INPUT', ret('x'), 2)).toThrow();
    expect(() => deleteChain(nf, 'filter', 'INPUT')).toThrow();
  });
});

describe('diffRules gives the events of a Docker operation', () => {
  it('a published port: filter ACCEPT inserted, DNAT appended, raw DROP appended', () => {
    const before = fw.addNetwork(newDaemon(), bridge1(), PROXY);
    const after = fw.addContainer(before, bridge1(), c1(), PROXY);
    expect(diffRules(before, after)).toEqual([
      { type: 'rule-appended', table: 'raw', chain: 'PREROUTING', rule: '-A PREROUTING -d 192.0.2.2/32 ! -i bridge1 -j DROP' },
      { type: 'rule-appended', table: 'nat', chain: 'DOCKER', rule: '-A DOCKER ! -i bridge1 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 192.0.2.2:80' },
      { type: 'rule-inserted', table: 'filter', chain: 'DOCKER', rule: '-A DOCKER -d 192.0.2.2/32 ! -i bridge1 -o bridge1 -p tcp -m tcp --dport 80 -j ACCEPT' },
    ]);
    expect(diffRules(after, before).every((c) => c.type === 'rule-deleted')).toBe(true);
  });

  it('daemon start creates chains, then rules', () => {
    const changes = diffRules(emptyNetfilter(), fw.setupDaemon(emptyNetfilter(), { userlandProxy: true }));
    expect(changes.filter((c) => c.type === 'chain-created').map((c) => `${c.table} ${c.rule}`)).toEqual([
      'nat -N DOCKER',
      'filter -N DOCKER',
      'filter -N DOCKER-BRIDGE',
      'filter -N DOCKER-CT',
      'filter -N DOCKER-FORWARD',
      'filter -N DOCKER-ISOLATION-STAGE-1',
      'filter -N DOCKER-ISOLATION-STAGE-2',
      'filter -N DOCKER-USER',
    ]);
    // The FORWARD policy is the bridge driver's business (filterForwardDrop), not the daemon start's.
    expect(changes.some((c) => c.type === 'policy-set')).toBe(false);
    expect(diffRules(emptyNetfilter(), fw.filterForwardDrop(emptyNetfilter()))).toEqual([{ type: 'policy-set', table: 'filter', chain: 'FORWARD', rule: '-P FORWARD DROP' }]);
  });

  it('the raw table stays empty where filterDirectAccess does not apply', () => {
    for (const s of ['usernet-internal', 'usernet-portmap-routed', 'usernet-portmap-natunprot']) {
      const nf = SCENARIOS[s]?.();
      expect(nf && getChain(nf, 'raw', 'PREROUTING')?.rules).toEqual([]);
    }
  });
});

describe('rule text helpers', () => {
  it('saveRuleText', () => {
    expect(saveRuleText('DOCKER', ret('docker0'))).toBe('-A DOCKER -i docker0 -j RETURN');
    expect(saveRuleText('X', { proto: 'udp', matches: [{ m: 'udp', dport: 8000, dportEnd: 8010 }], target: { t: 'ACCEPT' } }, { pkts: 3, bytes: 180 })).toBe(
      '-A X -p udp -m udp --dport 8000:8010 -c 3 180 -j ACCEPT',
    );
  });

  it('printNum follows xtables_print_num', () => {
    expect(printNum(0, false)).toBe('    0 ');
    expect(printNum(99999, false)).toBe('99999 ');
    expect(printNum(100000, false)).toBe(' 100K ');
    expect(printNum(123456789, false)).toBe(' 123M ');
    expect(printNum(9999499, false)).toBe('9999K ');
    expect(printNum(9999500, false)).toBe('  10M ');
    expect(printNum(123456, true)).toBe('  123456 ');
    expect(printNum(123456, false, true)).toBe('123K ');
  });
});
